using System.Diagnostics;

namespace Qoder.AgentSdk.Testing;

/// <summary>Tells by PID whether a process (a CLI, a stand-in, a grandchild) still runs, for tests that assert nothing was left behind.</summary>
public static class ProcessLiveness
{
    /// <summary>Whether the process runs. On Linux a zombie (exited, not yet reaped) or a dead entry counts as gone.</summary>
    /// <param name="pid">The process id.</param>
    /// <returns><see langword="true"/> while the process runs.</returns>
    public static bool IsAlive(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                // The state is the first field after the parenthesised command name (which may itself contain spaces).
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                return stat[(stat.LastIndexOf(')') + 2)..][0] is not ('Z' or 'X');
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

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
