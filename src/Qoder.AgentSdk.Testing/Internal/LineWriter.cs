using System.Text;
using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Testing.Internal;

/// <summary>Serialises stdout: one line per write, flushed, never interleaved; silent once closed (exit, hang, or the host went away).</summary>
internal sealed class LineWriter(Stream stream) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile bool _closed;

    public void Close() => _closed = true;

    public void Dispose() => _lock.Dispose();

    public Task WriteAsync(JsonObject message) => WriteBytesAsync(Wire.ToLine(message));

    public Task WriteRawLineAsync(string line) => WriteBytesAsync(Encoding.UTF8.GetBytes(line + "\n"));

    public async Task WriteBytesAsync(ReadOnlyMemory<byte> bytes)
    {
        if (_closed)
        {
            return;
        }

        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_closed)
            {
                return;
            }

            await stream.WriteAsync(bytes).ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            _closed = true;
        }
        finally
        {
            _lock.Release();
        }
    }
}
