using System.ComponentModel;
using System.Diagnostics;

namespace Qoder.AgentSdk.Transport;

/// <summary>
/// Kills a CLI's process tree and group if the host dies first (SIGKILL, the OOM killer, a crash), so no CLI and no tool process
/// it started outlives the host. The watchdog is a tiny shell in its own session that blocks reading a pipe only the
/// host holds: the kernel closes that pipe when the host dies, however it dies, and the shell then kills the group.
/// A normal shutdown disarms it with one line before closing the pipe.
/// </summary>
internal sealed class OrphanWatchdog : IAsyncDisposable
{
    private const string ShellPath = "/bin/sh";

    // How long disarming waits for the shell to exit, so a stopped client leaves no process of its own behind.
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(2);

    // Ignores the signals a terminal or a stopping host's group would get; stdout/stderr go nowhere so the watchdog
    // never keeps a pipe of the host's own parent open. `read` fails only at EOF without a line: the host is gone. The
    // CLI starts its shell tools in sessions of their own, out of its group, so the tree is walked first (each process
    // stopped before its children are listed, so none can escape by forking or by being orphaned), then the group goes.
    private const string Script =
        "trap '' HUP INT TERM QUIT PIPE; exec >/dev/null 2>&1; "
        + "tree() { local f c; kill -STOP \"$1\"; for f in /proc/\"$1\"/task/*/children; do for c in $(cat \"$f\"); do tree \"$c\"; done; done; kill -9 \"$1\"; }; "
        + "read -r line || { tree \"$1\"; kill -9 -\"$1\"; }";

    private readonly Process _process;
    private readonly Stream _stdin;
    private int _disarmed;

    private OrphanWatchdog(DetachedChild child)
    {
        _process = child.Process;
        _stdin = child.Input!;
    }

    /// <summary>Gets the watchdog's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts a watchdog for the process group <paramref name="groupId"/>, where the platform has the means.</summary>
    /// <param name="setsidPath">The <c>setsid</c> executable that put the CLI in its own group.</param>
    /// <param name="groupId">The CLI's process group (its pid, as it leads the group).</param>
    /// <returns>The watchdog, or <see langword="null"/> when it cannot run here.</returns>
    public static OrphanWatchdog? TryStart(string setsidPath, int groupId)
    {
        if (!File.Exists(ShellPath))
        {
            return null;
        }

        var startInfo = new ProcessStartInfo(setsidPath)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            CreateNoWindow = true,
        };
        foreach (var argument in (ReadOnlySpan<string>)[ShellPath, "-c", Script, "qoder-orphan-watchdog", groupId.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
            return new OrphanWatchdog(DetachedChild.From(process));
        }
        catch (Win32Exception)
        {
            process.Dispose();
            return null;
        }
    }

    /// <summary>
    /// Tells the watchdog the group ended under the host's control: it exits without killing anything. Waits (bounded)
    /// for it to exit, so no process the client started outlives the client's disposal.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disarmed, 1) != 0)
        {
            return;
        }

        try
        {
            _stdin.Write("\n"u8);
            _stdin.Dispose();
        }
        catch (IOException)
        {
            // The watchdog is gone already (killed from outside); nothing is left to disarm.
        }

        try
        {
            await _process.WaitForExitAsync().WaitAsync(ExitWait).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A stalled shell holds nothing: it exits when it is next scheduled, and it no longer kills anything.
        }

        _process.Dispose();
    }
}
