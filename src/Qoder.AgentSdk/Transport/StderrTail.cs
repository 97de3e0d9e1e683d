using System.Text;

namespace Qoder.AgentSdk.Transport;

/// <summary>Keeps the last characters written to stderr, for error messages.</summary>
internal sealed class StderrTail
{
    public const int Capacity = 8192;

    private readonly StringBuilder _buffer = new();
    private readonly Lock _lock = new();

    public void Append(ReadOnlySpan<char> chunk)
    {
        lock (_lock)
        {
            if (chunk.Length >= Capacity)
            {
                _buffer.Clear();
                _buffer.Append(chunk[^Capacity..]);
                return;
            }

            _buffer.Append(chunk);
            if (_buffer.Length > Capacity)
            {
                _buffer.Remove(0, _buffer.Length - Capacity);
            }
        }
    }

    public override string ToString()
    {
        lock (_lock)
        {
            return _buffer.ToString();
        }
    }
}
