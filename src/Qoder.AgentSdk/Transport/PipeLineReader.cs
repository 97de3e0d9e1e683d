using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;

namespace Qoder.AgentSdk.Transport;

/// <summary>
/// Frames newline-delimited lines in a <see cref="PipeReader"/>'s own buffer and hands each to a handler while the bytes
/// are still in that buffer: one pass over the bytes, no copy per line. Between two reads it waits for the handler's room,
/// which is what applies backpressure to the writer of the pipe.
/// </summary>
internal static class PipeLineReader
{
    /// <summary>Reads lines until the pipe ends or the handler stops; blank lines are skipped.</summary>
    /// <param name="reader">The pipe; completed on return.</param>
    /// <param name="maxLineBytes">The longest line accepted.</param>
    /// <param name="handler">Takes the lines.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The read.</returns>
    /// <exception cref="QoderProtocolException">A line is longer than <paramref name="maxLineBytes"/>.</exception>
    public static async Task ReadAsync(PipeReader reader, int maxLineBytes, IStdoutLineHandler handler, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = result.Buffer;
                var go = HandleLines(ref buffer, maxLineBytes, handler);
                if (go && result.IsCompleted && !buffer.IsEmpty)
                {
                    // The last line had no newline.
                    go = Deliver(buffer, maxLineBytes, handler);
                    buffer = buffer.Slice(buffer.End);
                }

                if (buffer.Length > maxLineBytes)
                {
                    throw TooLong(buffer, maxLineBytes);
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
                if (!go || result.IsCompleted)
                {
                    return;
                }

                await handler.WaitForRoomAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    // Per-line code is compiled optimised at its first call (no tiering): a fresh process's first query would
    // otherwise run it unoptimised and then instrumented, which measured about a sixth slower.
    /// <summary>Takes the complete lines off the front of <paramref name="buffer"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool HandleLines(ref ReadOnlySequence<byte> buffer, int maxLineBytes, IStdoutLineHandler handler)
    {
        while (true)
        {
            SequencePosition? newline;
            if (buffer.IsSingleSegment)
            {
                var index = buffer.FirstSpan.IndexOf((byte)'\n');
                newline = index < 0 ? null : buffer.GetPosition(index);
            }
            else
            {
                newline = buffer.PositionOf((byte)'\n');
            }

            if (newline is not { } end)
            {
                return true;
            }

            var line = buffer.Slice(0, end);
            buffer = buffer.Slice(buffer.GetPosition(1, end));
            if (!Deliver(line, maxLineBytes, handler))
            {
                return false;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Deliver(in ReadOnlySequence<byte> line, int maxLineBytes, IStdoutLineHandler handler)
    {
        if (line.Length > maxLineBytes)
        {
            throw TooLong(line, maxLineBytes);
        }

        return IsBlank(line) || handler.OnLine(line);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsBlank(in ReadOnlySequence<byte> line)
    {
        foreach (var segment in line)
        {
            if (segment.Span.IndexOfAnyExcept(" \t\r\n"u8) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    private static QoderProtocolException TooLong(in ReadOnlySequence<byte> line, int maxLineBytes) => new(
        $"The CLI wrote a line longer than {maxLineBytes} bytes (QoderAgentOptions.MaxLineBytes).",
        Encoding.UTF8.GetString(line.Slice(0, Math.Min(line.Length, QoderProtocolException.MaxOffendingLineLength))));
}
