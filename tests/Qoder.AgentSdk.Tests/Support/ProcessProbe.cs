using Qoder.AgentSdk.Testing;

namespace Qoder.AgentSdk.Tests.Support;

/// <summary>Finds processes by command line and waits for them to be gone (<see cref="ProcessLiveness"/>).</summary>
internal static class ProcessProbe
{
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    public static IReadOnlyList<int> FindByCommandLine(string fragment) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ProcessLiveness.IsAlive(pid) && CommandLine(pid).Contains(fragment, StringComparison.Ordinal))];

    /// <summary>Waits (bounded) until none of the processes is alive; the bound guards against a hang, it is not a speed check.</summary>
    public static async Task<bool> AllGoneAsync(IEnumerable<int> pids, TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        while (DateTime.UtcNow < deadline)
        {
            if (!pids.Any(ProcessLiveness.IsAlive))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return !pids.Any(ProcessLiveness.IsAlive);
    }
}
