using System.Diagnostics;

namespace Qoder.AgentSdk.Testing.Tests;

internal static class ProcessAssert
{
    public static bool IsAlive(int pid)
    {
        // A zombie still has a /proc entry; only a running or sleeping process counts as alive.
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        try
        {
            var text = File.ReadAllText(stat);
            var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state != "Z" && state != "X";
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static void Gone(int pid)
    {
        var deadline = Stopwatch.StartNew();
        while (IsAlive(pid) && deadline.Elapsed < TimeSpan.FromSeconds(5))
        {
            Thread.Sleep(20);
        }

        Assert.False(IsAlive(pid), $"process {pid} is still running");
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
