using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Qoder.AgentSdk.Testing;

namespace Qoder.Tests.Support;

/// <summary>
/// Process checks by PID through <c>/proc</c> (<see cref="ProcessLiveness"/>: a zombie counts as gone), for asserting
/// that nothing a test started outlives it.
/// </summary>
public static class ProcessWatch
{
    /// <summary>How long <see cref="GoneAsync(IEnumerable{int})"/> allows the kernel to reap a process just killed.</summary>
    public static readonly TimeSpan ReapTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The process's command line, arguments separated by spaces, or empty when it is gone.</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    /// <summary>The live processes whose command line contains <paramref name="fragment"/>.</summary>
    public static IReadOnlyList<int> FindByCommandLine(string fragment) =>
        [.. AllProcessIds().Where(pid => ProcessLiveness.IsAlive(pid) && CommandLine(pid).Contains(fragment, StringComparison.Ordinal))];

    /// <summary>Every descendant of this test process (children, their children, …).</summary>
    public static IReadOnlyList<int> Descendants()
    {
        var parents = new Dictionary<int, int>();
        foreach (var pid in AllProcessIds())
        {
            if (ParentOf(pid) is { } parent)
            {
                parents[pid] = parent;
            }
        }

        var found = new List<int>();
        var frontier = new Queue<int>([Environment.ProcessId]);
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var (pid, ppid) in parents)
            {
                if (ppid == parent)
                {
                    found.Add(pid);
                    frontier.Enqueue(pid);
                }
            }
        }

        return found;
    }

    /// <summary>Waits (bounded) until none of the processes is alive; true when they all went.</summary>
    public static async Task<bool> AllGoneAsync(IEnumerable<int> pids, TimeSpan bound)
    {
        var list = pids.ToList();
        try
        {
            await Eventually.TrueAsync(() => !list.Any(ProcessLiveness.IsAlive), "processes to exit", bound, TimeSpan.FromMilliseconds(20)).ConfigureAwait(false);
            return true;
        }
        catch (EventuallyException)
        {
            return false;
        }
    }

    /// <summary>Fails naming the first process still running after <see cref="ReapTimeout"/>.</summary>
    public static async Task GoneAsync(params IEnumerable<int> pids)
    {
        var list = pids.ToList();
        if (!await AllGoneAsync(list, ReapTimeout).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"process {list.First(ProcessLiveness.IsAlive)} is still running");
        }
    }

    /// <summary>Cleanup for a failed test: kills the process tree if it still runs, and ignores one already gone.</summary>
    public static void KillIfAlive(int pid)
    {
        if (!ProcessLiveness.IsAlive(pid))
        {
            return;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or Win32Exception)
        {
            // Already gone.
        }
    }

    /// <summary><see cref="KillIfAlive"/> for each process.</summary>
    public static void Kill(IEnumerable<int> pids)
    {
        foreach (var pid in pids)
        {
            KillIfAlive(pid);
        }
    }

    private static IEnumerable<int> AllProcessIds() =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0);

    // /proc/<pid>/stat: "pid (comm) state ppid ..."; the command name may hold spaces and parentheses.
    private static int? ParentOf(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
