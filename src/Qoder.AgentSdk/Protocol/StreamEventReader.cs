using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Qoder.AgentSdk.Protocol;

/// <summary>
/// Reads the common shape of a <c>stream_event</c> line (four out of five lines of a streamed turn) without the
/// serializer: its few fields are read in one token pass and its <c>event</c> is kept as bytes, made a
/// <see cref="JsonElement"/> only when asked for. A line of any other shape (another field, a field of another kind,
/// a line split across buffers) is left to the serializer, so what a caller sees is the same either way.
/// </summary>
internal static class StreamEventReader
{
    private static readonly RecurringStringConverter SessionIds = new();

    /// <summary>Reads <paramref name="line"/> when it has the common shape.</summary>
    /// <param name="line">A line whose head said <c>stream_event</c>.</param>
    /// <param name="message">The message read.</param>
    /// <returns><see langword="false"/> when the serializer must read the line.</returns>
    public static bool TryRead(in ReadOnlySequence<byte> line, out StreamEventMessage? message)
    {
        message = null;
        try
        {
            return line.IsSingleSegment && TryRead(line.FirstSpan, out message);
        }
        catch (JsonException)
        {
            // Malformed: the serializer reads it again and reports it in its own words.
            return false;
        }
    }

    // Optimised from its first call, as PipeLineReader.HandleLines.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryRead(ReadOnlySpan<byte> bytes, out StreamEventMessage? message)
    {
        message = null;
        var reader = new Utf8JsonReader(bytes);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string? uuid = null;
        string? sessionId = null;
        string? parent = null;
        byte[]? eventUtf8 = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals("stream_event"u8))
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("uuid"u8))
            {
                if (!reader.Read() || !TryReadOptionalString(ref reader, out uuid))
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("session_id"u8))
            {
                if (!reader.Read() || reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
                {
                    return false;
                }

                sessionId = reader.TokenType == JsonTokenType.String ? SessionIds.Read(ref reader, typeof(string), QoderJsonContext.Default.Options) : null;
            }
            else if (reader.ValueTextEquals("parent_tool_use_id"u8))
            {
                if (!reader.Read() || !TryReadOptionalString(ref reader, out parent))
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("event"u8))
            {
                if (!reader.Read())
                {
                    return false;
                }

                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                eventUtf8 = bytes[start..(int)reader.BytesConsumed].ToArray();
            }
            else
            {
                return false;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || eventUtf8 is null || reader.Read())
        {
            return false;
        }

        message = StreamEventMessage.FromRawEvent(eventUtf8, uuid, sessionId, parent);
        return true;
    }

    private static bool TryReadOptionalString(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            _ => null,
        };
        return reader.TokenType is JsonTokenType.String or JsonTokenType.Null;
    }
}
