namespace Qoder.AgentSdk.Tests.Support;

/// <summary>Reads /proc to tell whether processes are alive (zombies count as gone) and to find them by command line.</summary>
internal static class ProcessProbe
{
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
    }

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
            .Where(pid => pid > 0 && IsAlive(pid) && CommandLine(pid).Contains(fragment, StringComparison.Ordinal))];

    /// <summary>Waits (bounded) until none of the processes is alive; the bound guards against a hang, it is not a speed check.</summary>
    public static async Task<bool> AllGoneAsync(IEnumerable<int> pids, TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        while (DateTime.UtcNow < deadline)
        {
            if (!pids.Any(IsAlive))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return !pids.Any(IsAlive);
    }
}
