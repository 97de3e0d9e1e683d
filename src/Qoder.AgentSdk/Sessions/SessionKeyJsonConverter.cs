using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Sessions;

/// <summary>Writes a <see cref="QoderSessionKey"/> as the official SDKs do: <c>{projectKey, sessionId, subpath?}</c>.</summary>
internal sealed class SessionKeyJsonConverter : JsonConverter<QoderSessionKey>
{
    public override QoderSessionKey? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A session key must be a JSON object.");
        }

        string? projectKey = null, sessionId = null, subpath = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }

            switch (name)
            {
                case "projectKey": projectKey = value; break;
                case "sessionId": sessionId = value; break;
                case "subpath": subpath = value; break;
            }
        }

        return new QoderSessionKey(
            projectKey ?? throw new JsonException("A session key needs projectKey."), sessionId ?? throw new JsonException("A session key needs sessionId."), subpath);
    }

    public override void Write(Utf8JsonWriter writer, QoderSessionKey value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("projectKey", value.ProjectKey);
        writer.WriteString("sessionId", value.SessionId);
        if (value.Subpath is not null)
        {
            writer.WriteString("subpath", value.Subpath);
        }

        writer.WriteEndObject();
    }
}
