using System.Buffers;

namespace Qoder.AgentSdk.Testing.Internal.Session;

/// <summary>Splits stdin into lines on a thread of its own and hands each to the <see cref="InboundLineHandler"/>, in order.</summary>
internal sealed class StdinReader(Stream stdin, InboundLineHandler lines, SessionOutput output, SessionExit exit, CancellationToken lifetime)
{
    /// <summary>
    /// Blocking reads on a thread of their own: stdin has no truly asynchronous read, and a thread-pool thread blocked
    /// in it would leave a one-CPU machine without a thread to write system/init until the pool grows (about half a second).
    /// </summary>
    public void Start() => new Thread(ReadLoop) { IsBackground = true, Name = "stand-in stdin" }.Start();

    // The loop owns its thread and no synchronisation context: completing each handler before the next read is the
    // ordering the protocol needs, and blocking this thread holds up nothing else.
#pragma warning disable RS0030, VSTHRD002
    private void ReadLoop()
    {
        var buffer = new byte[64 * 1024];
        var line = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (!lifetime.IsCancellationRequested)
            {
                var read = stdin.Read(buffer);
                if (read == 0)
                {
                    if (line.WrittenCount > 0)
                    {
                        lines.OnLineAsync(line.WrittenMemory).GetAwaiter().GetResult();
                    }

                    lines.OnEndOfInput();
                    return;
                }

                var span = buffer.AsMemory(0, read);
                int newline;
                while ((newline = span.Span.IndexOf((byte)'\n')) >= 0)
                {
                    line.Write(span.Span[..newline]);
                    lines.OnLineAsync(line.WrittenMemory).GetAwaiter().GetResult();
                    line.ResetWrittenCount();
                    span = span[(newline + 1)..];
                }

                line.Write(span.Span);
            }
        }
        catch (OperationCanceledException)
        {
            // Exiting.
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            lines.OnEndOfInput();
        }
        catch (Exception ex)
        {
            // An exception escaping a thread would end the host process, which in-process is the test run itself.
            output.WriteStderrAsync($"stand-in: reading stdin failed: {ex}\n").GetAwaiter().GetResult();
            exit.Request(70, "stdin_reader_failed");
        }
    }
#pragma warning restore RS0030, VSTHRD002
}
