using System.Runtime.InteropServices;

namespace Qoder.AgentSdk.Transport;

/// <summary>POSIX signals, which <see cref="System.Diagnostics.Process"/> cannot send except SIGKILL.</summary>
internal static partial class NativeSignals
{
    public const int SigTerm = 15;
    public const int SigKill = 9;

    /// <summary>Sends a signal to a process, or to a process group when <paramref name="pid"/> is negative.</summary>
    /// <returns><see langword="true"/> when the signal was delivered to at least one process.</returns>
    public static bool Send(int pid, int signal) => !OperatingSystem.IsWindows() && Kill(pid, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int sig);
}
