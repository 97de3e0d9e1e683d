using System.Diagnostics;

namespace Qoder.AgentSdk.Testing.Tests;

internal static class ProcessAssert
{
    public static void Gone(int pid)
    {
        var deadline = Stopwatch.StartNew();
        while (ProcessLiveness.IsAlive(pid) && deadline.Elapsed < TimeSpan.FromSeconds(5))
        {
            Thread.Sleep(20);
        }

        Assert.False(ProcessLiveness.IsAlive(pid), $"process {pid} is still running");
    }

    public static void KillIfAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
        }
    }
}
