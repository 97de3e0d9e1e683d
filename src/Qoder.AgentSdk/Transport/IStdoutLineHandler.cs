using System.Buffers;

namespace Qoder.AgentSdk.Transport;

/// <summary>Takes the CLI's stdout lines as they are framed, in the read buffer itself (no copy per line).</summary>
internal interface IStdoutLineHandler
{
    /// <summary>Handles one line (without its newline; never blank). The bytes are valid only during the call.</summary>
    /// <param name="line">The line's UTF-8 bytes.</param>
    /// <returns><see langword="false"/> to stop reading.</returns>
    bool OnLine(in ReadOnlySequence<byte> line);

    /// <summary>Completes when the handler can take more lines; stdout is not read meanwhile, so the CLI's writes block.</summary>
    /// <returns>The wait.</returns>
    ValueTask WaitForRoomAsync();
}
