using System.Diagnostics;

namespace Qoder.Conformance.Tests;

/// <summary>Process checks by PID through <c>/proc</c>; a zombie counts as gone (it no longer runs).</summary>
internal static class ProcessAssert
{
    public static bool IsAlive(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        try
        {
            var text = File.ReadAllText(stat);
            var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is not ("Z" or "X");
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Asserts that every PID is gone, allowing the kernel a moment to reap a process just killed.</summary>
    public static async Task GoneAsync(params IEnumerable<int> pids)
    {
        var deadline = Stopwatch.StartNew();
        foreach (var pid in pids)
        {
            while (IsAlive(pid) && deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(20);
            }

            Assert.False(IsAlive(pid), $"process {pid} is still running");
        }
    }

    /// <summary>Test cleanup for a failed test: never leave a process behind, even when the assertion already failed.</summary>
    public static void KillIfAlive(int pid)
    {
        if (!IsAlive(pid))
        {
            return;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }
}
