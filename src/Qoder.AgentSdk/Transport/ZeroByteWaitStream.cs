namespace Qoder.AgentSdk.Transport;

/// <summary>
/// Makes a zero-byte read of a pipe wait for data. An anonymous pipe's stream answers a zero-byte read at once, so a
/// reader that rents its buffer only after such a read would hold a buffer in every idle read; here the zero-byte read
/// reads one byte into a field instead, and the next read returns it.
/// </summary>
internal sealed class ZeroByteWaitStream(Stream inner) : Stream
{
    private readonly byte[] _held = new byte[1];
    private bool _holding;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_holding)
        {
            if (buffer.IsEmpty)
            {
                return 0;
            }

            // The held byte and what the pipe already has, no more: reading on could block while the rest of a line
            // is already held here. Without the count (not Linux) that is the held byte alone, and a burst is read in
            // two reads rather than one.
            buffer.Span[0] = _held[0];
            _holding = false;
            var ready = Math.Min(PipeAvailability.Ready(inner), buffer.Length - 1);
            return ready > 0 ? 1 + inner.Read(buffer.Span.Slice(1, ready)) : 1;
        }

        if (buffer.IsEmpty)
        {
            _holding = await inner.ReadAsync(_held, cancellationToken).ConfigureAwait(false) == 1;
            return 0;
        }

        return await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
