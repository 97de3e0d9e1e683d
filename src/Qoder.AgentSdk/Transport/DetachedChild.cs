using System.Diagnostics;

namespace Qoder.AgentSdk.Transport;

/// <summary>
/// A started child's redirected pipes as bare streams, with a <see cref="System.Diagnostics.Process"/> for the same child
/// that holds nothing else. <see cref="System.Diagnostics.Process"/> wraps each redirected pipe in a
/// <see cref="StreamWriter"/> or <see cref="StreamReader"/> with its own byte and char buffers (about 8 to 12 KB each)
/// and keeps them, and its start info with the child's whole environment, for the life of the object; the SDK only uses
/// the base streams, so an idle pooled session would carry about 30 KB for nothing.
/// </summary>
internal sealed class DetachedChild
{
    private DetachedChild(Process process, Stream? input, Stream? output, Stream? error)
    {
        Process = process;
        Input = input;
        Output = output;
        Error = error;
    }

    /// <summary>Gets the process object to wait on, kill and dispose.</summary>
    public Process Process { get; }

    /// <summary>Gets the child's stdin, when redirected.</summary>
    public Stream? Input { get; }

    /// <summary>Gets the child's stdout, when redirected.</summary>
    public Stream? Output { get; }

    /// <summary>Gets the child's stderr, when redirected.</summary>
    public Stream? Error { get; }

    /// <summary>Takes the base streams of <paramref name="started"/> and lets go of its readers and writers.</summary>
    /// <param name="started">A process just started with some of its standard streams redirected; owned from here.</param>
    /// <returns>The streams and the process object to use from now on.</returns>
    public static DetachedChild From(Process started)
    {
        var info = started.StartInfo;

        // Reading the getters marks the streams as the caller's: disposing the process then leaves the pipes open.
        var input = info.RedirectStandardInput ? started.StandardInput.BaseStream : null;
        var output = info.RedirectStandardOutput ? started.StandardOutput.BaseStream : null;
        var error = info.RedirectStandardError ? started.StandardError.BaseStream : null;
        Process tracker;
        try
        {
            // A second object for the same child. The runtime keeps a child's wait state (and so its exit code) until it
            // reaps it; reading HasExited attaches this object to that state before the first one lets go of it.
            tracker = Process.GetProcessById(started.Id);
            _ = tracker.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // Already exited and reaped: keep the original, which knows the exit code.
            return new DetachedChild(started, input, output, error);
        }

        started.Dispose();
        return new DetachedChild(tracker, input, output, error);
    }
}
