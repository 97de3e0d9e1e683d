using System.Globalization;

namespace Qoder.AgentSdk.Transport;

/// <summary>
/// Kills a process and every descendant on Linux by walking <c>/proc/&lt;pid&gt;/task/*/children</c>: each process is
/// stopped before its children are listed, so none escapes by forking, and none is orphaned (and so lost) before it is
/// found. The CLI starts its shell tools in sessions of their own, so its process group alone does not hold them.
/// Reading the children lists is far cheaper than scanning all of <c>/proc</c> for every kill, which matters when a host
/// stop kills dozens of trees at once.
/// </summary>
internal static class ProcessTreeKill
{
    private const int SigStop = 19;

    /// <summary>Kills <paramref name="pid"/> and its descendants.</summary>
    /// <returns><see langword="false"/> when the platform has no children lists (the caller falls back).</returns>
    public static bool TryKill(int pid)
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists($"/proc/{pid}/task"))
        {
            return false;
        }

        Kill(pid);
        return true;
    }

    private static void Kill(int pid)
    {
        NativeSignals.Send(pid, SigStop);
        foreach (var child in Children(pid))
        {
            Kill(child);
        }

        NativeSignals.Send(pid, NativeSignals.SigKill);
    }

    private static List<int> Children(int pid)
    {
        var children = new List<int>();
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                foreach (var entry in File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (int.TryParse(entry, NumberStyles.None, CultureInfo.InvariantCulture, out var child))
                    {
                        children.Add(child);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The process is gone (or its task went away while listed): it has no children left to find.
        }

        return children;
    }
}
