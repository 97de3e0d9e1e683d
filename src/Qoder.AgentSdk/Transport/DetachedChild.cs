using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Qoder.AgentSdk.Transport;

/// <summary>
/// A started child's redirected pipes as bare streams, its <see cref="System.Diagnostics.Process"/> relieved of what the
/// SDK never uses. <see cref="System.Diagnostics.Process"/> wraps each redirected pipe in a <see cref="StreamWriter"/> or
/// <see cref="StreamReader"/> with its own byte and char buffers (8 to 12 KB each) and keeps them, and its start info
/// with the child's whole environment, for the life of the object: about 30 KB per idle pooled session for nothing. The
/// runtime offers no way to redirect without them, so the references are cleared once the base streams are taken;
/// where a runtime lays its fields out otherwise, the process is kept as it is.
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

    /// <summary>Gets the process, to wait on, kill and dispose.</summary>
    public Process Process { get; }

    /// <summary>Gets the child's stdin, when redirected.</summary>
    public Stream? Input { get; }

    /// <summary>Gets the child's stdout, when redirected.</summary>
    public Stream? Output { get; }

    /// <summary>Gets the child's stderr, when redirected.</summary>
    public Stream? Error { get; }

    /// <summary>Takes the base streams of <paramref name="started"/> and lets go of its readers, writers and start info.</summary>
    /// <param name="started">A process just started with some of its standard streams redirected; owned from here.</param>
    /// <returns>The streams and the process.</returns>
    public static DetachedChild From(Process started)
    {
        var info = started.StartInfo;

        // Reading the getters also marks the streams as the caller's: disposing the process leaves the pipes to us.
        var input = info.RedirectStandardInput ? started.StandardInput.BaseStream : null;
        var output = info.RedirectStandardOutput ? started.StandardOutput.BaseStream : null;
        var error = info.RedirectStandardError ? started.StandardError.BaseStream : null;
        try
        {
            StandardInputField(started) = null;
            StandardOutputField(started) = null;
            StandardErrorField(started) = null;
            StartInfoField(started) = null;
        }
        catch (MissingFieldException)
        {
            // Another runtime's layout: the buffers stay, nothing else changes.
        }

        return new DetachedChild(started, input, output, error);
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_standardInput")]
    private static extern ref StreamWriter? StandardInputField(Process process);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_standardOutput")]
    private static extern ref StreamReader? StandardOutputField(Process process);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_standardError")]
    private static extern ref StreamReader? StandardErrorField(Process process);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_startInfo")]
    private static extern ref ProcessStartInfo? StartInfoField(Process process);
}
