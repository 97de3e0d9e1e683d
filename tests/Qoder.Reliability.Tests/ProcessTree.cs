using System.Globalization;
using Qoder.AgentSdk.Testing;

namespace Qoder.Reliability.Tests;

/// <summary>Reads process trees, groups and environments from <c>/proc</c>.</summary>
internal static class ProcessTree
{
    /// <summary>
    /// The live processes <paramref name="root"/> is responsible for: itself, its descendants (the CLI runs shell tools
    /// in sessions of their own) and the members of its process group (orphans reparented away from it).
    /// </summary>
    public static IReadOnlyList<int> Of(int root)
    {
        var stats = Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0)
            .Select(pid => (Pid: pid, Stat: Stat(pid)))
            .Where(p => p.Stat is not null && ProcessLiveness.IsAlive(p.Pid))
            .ToList();
        var tree = new HashSet<int> { root };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (pid, stat) in stats)
            {
                if (!tree.Contains(pid) && (tree.Contains(stat!.Value.Parent) || stat.Value.Group == root))
                {
                    grew = tree.Add(pid);
                }
            }
        }

        return [.. tree.Where(ProcessLiveness.IsAlive)];
    }

    /// <summary>The environment of a process as <c>NAME=value</c> entries.</summary>
    public static IReadOnlyList<string> Environment(int pid) =>
        File.ReadAllText($"/proc/{pid}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Waits, bounded, until none of <paramref name="pids"/> is alive; returns the survivors.</summary>
    public static async Task<IReadOnlyList<int>> SurvivorsAfterAsync(IReadOnlyList<int> pids, TimeSpan bound)
    {
        var deadline = TimeProvider.System.GetUtcNow() + bound;
        while (TimeProvider.System.GetUtcNow() < deadline && pids.Any(ProcessLiveness.IsAlive))
        {
            await Task.Delay(100);
        }

        return [.. pids.Where(ProcessLiveness.IsAlive)];
    }

    /// <summary>Waits, bounded, until <paramref name="condition"/> holds.</summary>
    public static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan bound)
    {
        var deadline = TimeProvider.System.GetUtcNow() + bound;
        while (!condition())
        {
            if (TimeProvider.System.GetUtcNow() >= deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    private static (int Parent, int Group)? Stat(int pid)
    {
        try
        {
            // Fields 4 and 5 of stat; the command (field 2) is in parentheses and may contain spaces.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (int.Parse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture), int.Parse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is IOException or FormatException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
