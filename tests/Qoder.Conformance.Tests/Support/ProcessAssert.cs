using System.Diagnostics;
using Qoder.AgentSdk.Testing;

namespace Qoder.Conformance.Tests;

/// <summary>Process checks by PID through <c>/proc</c>; a zombie counts as gone (it no longer runs).</summary>
internal static class ProcessAssert
{
    /// <summary>Asserts that every PID is gone, allowing the kernel a moment to reap a process just killed.</summary>
    public static async Task GoneAsync(params IEnumerable<int> pids)
    {
        var deadline = Stopwatch.StartNew();
        foreach (var pid in pids)
        {
            while (ProcessLiveness.IsAlive(pid) && deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(20);
            }

            Assert.False(ProcessLiveness.IsAlive(pid), $"process {pid} is still running");
        }
    }

    /// <summary>Test cleanup for a failed test: never leave a process behind, even when the assertion already failed.</summary>
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
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }
}
