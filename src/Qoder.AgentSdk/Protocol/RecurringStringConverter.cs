using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>
/// Reads a string field whose few values recur on line after line (the message type, the session id): a value whose
/// bytes match one read before is answered with that string instead of a new one. A small table indexed by the bytes'
/// hash holds the last value per slot, so many concurrent sessions share it without a lock; a miss only replaces a slot.
/// </summary>
internal sealed class RecurringStringConverter : JsonConverter<string>
{
    private const int Slots = 64;

    // Values longer than this are not kept (a session id is 36 bytes).
    private const int MaxBytes = 64;

    private readonly Entry?[] _slots = new Entry?[Slots];

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string, found {reader.TokenType}.");
        }

        if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > MaxBytes)
        {
            return reader.GetString()!;
        }

        var bytes = reader.ValueSpan;
        var hash = new HashCode();
        hash.AddBytes(bytes);
        var slot = (uint)hash.ToHashCode() % Slots;
        if (Volatile.Read(ref _slots[slot]) is { } entry && bytes.SequenceEqual(entry.Utf8))
        {
            return entry.Value;
        }

        var value = Encoding.UTF8.GetString(bytes);
        Volatile.Write(ref _slots[slot], new Entry(bytes.ToArray(), value));
        return value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    private sealed record Entry(byte[] Utf8, string Value);
}
