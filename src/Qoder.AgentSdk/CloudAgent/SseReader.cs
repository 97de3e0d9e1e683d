using System.Runtime.CompilerServices;
using System.Text;

namespace Qoder.AgentSdk.CloudAgent;

/// <summary>
/// Reads Server-Sent Events from a response body. A line longer than <see cref="MaxLineChars"/> is dropped with the
/// event being built, and an event whose data passes <see cref="MaxDataChars"/> is dropped, so a faulty server cannot
/// make the reader buffer without bound.
/// </summary>
internal static class SseReader
{
    /// <summary>The longest line kept (1 MiB of characters, as the official SDK).</summary>
    internal const int MaxLineChars = 1024 * 1024;

    /// <summary>The most data kept per event (4 MiB of characters, as the official SDK).</summary>
    internal const int MaxDataChars = 4 * 1024 * 1024;

    /// <summary>Streams the events of <paramref name="body"/> until it ends.</summary>
    /// <param name="body">The response body.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The events.</returns>
    internal static async IAsyncEnumerable<SseEvent> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var decoder = Encoding.UTF8.GetDecoder();
        var bytes = new byte[16 * 1024];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
        var line = new StringBuilder();
        var pending = new PendingEvent();
        var skippingLongLine = false;
        while (true)
        {
            var read = await body.ReadAsync(bytes, cancellationToken).ConfigureAwait(false);
            var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: read == 0);
            for (var i = 0; i < count; i++)
            {
                var c = chars[i];
                if (c != '\n')
                {
                    if (!skippingLongLine)
                    {
                        line.Append(c);
                        if (line.Length > MaxLineChars)
                        {
                            line.Clear();
                            pending.Reset();
                            skippingLongLine = true;
                        }
                    }

                    continue;
                }

                if (skippingLongLine)
                {
                    skippingLongLine = false;
                    continue;
                }

                if (line.Length > 0 && line[^1] == '\r')
                {
                    line.Length--;
                }

                var dispatched = pending.Consume(line.ToString());
                line.Clear();
                if (dispatched is { } sse)
                {
                    yield return sse;
                }
            }

            if (read == 0)
            {
                if (line.Length > 0 && !skippingLongLine && pending.Consume(line.ToString()) is { } last)
                {
                    yield return last;
                }

                if (pending.Consume(string.Empty) is { } tail)
                {
                    yield return tail;
                }

                yield break;
            }
        }
    }

    /// <summary>The fields of the event being read.</summary>
    private sealed class PendingEvent
    {
        private readonly StringBuilder _data = new();
        private string? _id;
        private string? _event;
        private bool _hasData;

        internal SseEvent? Consume(string line)
        {
            if (line.Length == 0)
            {
                SseEvent? ready = _event is not null || _hasData ? new SseEvent(_id, _event ?? "message", _data.ToString()) : null;
                Reset();
                return ready;
            }

            if (line[0] == ':')
            {
                return null;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..];
            if (value.StartsWith(' '))
            {
                value = value[1..];
            }

            switch (field)
            {
                case "id":
                    _id = value;
                    break;
                case "event":
                    _event = value;
                    break;
                case "data":
                    AppendData(value);
                    break;
            }

            return null;
        }

        internal void Reset()
        {
            _id = null;
            _event = null;
            _data.Clear();
            _hasData = false;
        }

        private void AppendData(string value)
        {
            if (_data.Length + value.Length > MaxDataChars)
            {
                Reset();
                return;
            }

            if (_hasData)
            {
                _data.Append('\n');
            }

            _data.Append(value);
            _hasData = true;
        }
    }
}
