using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Qoder.AgentSdk.Testing;

namespace Qoder.Packaging.Tests;

/// <summary>
/// The hosting package is trimming- and AOT-friendly: the Worker sample, published with native AOT, compiles without a
/// single trim or AOT warning, and the native executable holds its two-turn conversation with the stand-in.
/// </summary>
public sealed partial class NativeAotWorkerTests
{
    private const string FirstReply = "A hosted service is a long-running background task the host starts and stops.";
    private const string SecondReply = "The host cancels its stopping token and waits for it.";

    [Fact]
    public async Task The_Worker_sample_publishes_with_native_AOT_without_warnings_and_runs_against_the_stand_in()
    {
        using var work = new TempDirectory("qoder-aot-");
        var publish = Path.Combine(work.Path, "publish");
        var project = Path.Combine(PackageFeed.RepositoryRoot(), "samples", "Qoder.Samples.Worker", "Qoder.Samples.Worker.csproj");

        // A fresh native intermediate folder makes the AOT compiler run (and report) even when an earlier publish is up to date.
        var output = await DotNet.RunAsync(PackageFeed.RepositoryRoot(), PublishArguments(project, publish, Path.Combine(work.Path, "native") + "/"), TimeSpan.FromMinutes(30));

        var warnings = TrimOrAotWarning().Matches(output).Select(m => m.Value).Distinct().ToList();
        Assert.True(warnings.Count == 0, $"The AOT publish reported trim/AOT warnings:\n{string.Join('\n', warnings)}");
        var executable = Path.Combine(publish, "Qoder.Samples.Worker");
        Assert.True(File.Exists(executable), $"No native executable in {publish}:\n{output}");
        Assert.False(File.Exists(Path.Combine(publish, "Qoder.Samples.Worker.dll")), "The publish output is a managed app, not a native one.");

        var launch = StandInLaunch.Prepare(new QoderScenario().Reply(FirstReply).Reply(SecondReply), Path.Combine(work.Path, "standin"));
        var (exitCode, log) = await RunAsync(executable, launch);

        Assert.True(exitCode == 0, $"The native worker exited with {exitCode}:\n{log}");
        Assert.Contains($"In one sentence: what is a hosted service in .NET? -> [success] {FirstReply}", log, StringComparison.Ordinal);
        Assert.Contains($"And how does it stop? -> [success] {SecondReply}", log, StringComparison.Ordinal);
    }

    /// <summary>The publish command docs/deployment.md gives, into <paramref name="output"/>.</summary>
    private static string PublishArguments(string project, string output, string nativeIntermediate)
    {
        var rid = RuntimeInformation.RuntimeIdentifier;
        var arguments = $"publish \"{project}\" -c Release -r {rid} -p:PublishAot=true -o \"{output}\" -p:NativeIntermediateOutputPath=\"{nativeIntermediate}\"";

        // Like the native stand-in (src/Qoder.AgentSdk.Testing), link with gcc where that is the C toolchain installed.
        return File.Exists("/usr/bin/gcc") && !File.Exists("/usr/bin/clang") ? arguments + " -p:CppCompilerAndLinker=gcc" : arguments;
    }

    private static async Task<(int ExitCode, string Log)> RunAsync(string executable, StandInLaunch launch)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(executable)!,
        };
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["Sample__Offline"] = "false";
        info.Environment["Qoder__Auth"] = "Headless";
        info.Environment["Qoder__Agent__CliPath"] = launch.CliPath;
        foreach (var (name, value) in launch.Environment)
        {
            info.Environment[$"Qoder__Agent__Environment__{name}"] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            return (-1, $"Timed out; output so far:\n{await output}{await error}");
        }

        return (process.ExitCode, await output + await error);
    }

    // Trim analysis (IL2xxx), AOT analysis (IL3xxx) and configuration binding generator (SYSLIB1100/1101) warnings.
    [GeneratedRegex(@"\b(warning|error) (IL[23]\d{3}|SYSLIB110[01])\b[^\r\n]*")]
    private static partial Regex TrimOrAotWarning();
}
