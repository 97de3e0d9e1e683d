using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>Chooses the block record by its <c>type</c>; unknown types become <see cref="UnknownContentBlock"/>.</summary>
internal sealed class ContentBlockConverter : JsonConverter<ContentBlock>
{
    public override ContentBlock Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A content block must be a JSON object, not {reader.TokenType}.");
        }

        // The serializer buffers a converter's whole value, so a copy of the reader can look ahead for the type; the
        // block is then read once, straight into its record.
        var typeInfo = QoderMessageSerializer.BlockRecordFor(ReadType(reader));
        return JsonSerializer.Deserialize(ref reader, typeInfo) as ContentBlock ?? throw new JsonException("A content block was null.");
    }

    private static string? ReadType(Utf8JsonReader probe)
    {
        while (probe.Read() && probe.TokenType == JsonTokenType.PropertyName)
        {
            if (probe.ValueTextEquals("type"u8))
            {
                probe.Read();
                return probe.TokenType == JsonTokenType.String ? probe.GetString() : null;
            }

            probe.Read();
            probe.Skip();
        }

        return null;
    }

    public override void Write(Utf8JsonWriter writer, ContentBlock value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        QoderMessageSerializer.WriteBlock(writer, value);
    }
}
