using Qoder.AgentSdk;
using Qoder.AgentSdk.Testing;

namespace Qoder.Extensions.Hosting.Tests;

/// <summary>Points pooled stand-ins at record files of their own (named by process id), so that each can be checked to be gone.</summary>
internal static class StandInPerProcessRecords
{
    public static void Apply(QoderAgentOptions options, StandInLaunch launch, string workDirectory)
    {
        options.CliPath = launch.CliPath;
        options.WorkingDirectory = workDirectory;
        foreach (var (name, value) in launch.Environment)
        {
            options.Environment[name] = value;
        }

        options.Environment[StandInLaunch.RecordVariable] = launch.RecordPath + "." + StandInLaunch.ProcessIdPlaceholder;
    }

    /// <summary>The record files of every process started with <see cref="Apply"/> so far.</summary>
    public static IEnumerable<string> RecordFiles(StandInLaunch launch) =>
        Directory.EnumerateFiles(Path.GetDirectoryName(launch.RecordPath)!, Path.GetFileName(launch.RecordPath) + ".*");
}
