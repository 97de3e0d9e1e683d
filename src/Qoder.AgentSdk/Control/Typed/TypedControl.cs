using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Qoder.AgentSdk.Control.Typed;

/// <summary>What every typed control request does: check the capability, send, map "unknown request" and read the body.</summary>
internal static class TypedControl
{
    private const string UnknownRequestPrefix = "Unsupported control request type";

    /// <summary>A request body with both <c>subtype</c> and <c>type</c>, as the official SDK sends.</summary>
    public static JsonObject Request(string subtype) => ControlRequests.Simple(subtype);

    /// <summary>Throws when the CLI is known not to advertise <paramref name="capability"/>; an unknown set is left to the CLI.</summary>
    public static void Require(IQoderClient client, string subtype, string capability)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (client.InitializationResult is { } init && !init.HasCapability(capability))
        {
            throw new QoderUnsupportedByCliException(subtype, capability, init.CliVersion);
        }
    }

    /// <summary>Sends the request; the CLI's "unsupported request" error becomes <see cref="QoderUnsupportedByCliException"/>.</summary>
    public static async Task<JsonElement?> SendAsync(IQoderClient client, JsonObject request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            return await client.SendControlRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (QoderControlRequestException ex) when (ex.Error.StartsWith(UnknownRequestPrefix, StringComparison.Ordinal))
        {
            throw new QoderUnsupportedByCliException(ex.Subtype, null, client.InitializationResult?.CliVersion, ex);
        }
    }

    /// <summary>Reads the whole body as <typeparamref name="T"/>; <see langword="null"/> when the CLI sent none.</summary>
    public static T? Read<T>(JsonElement? body, JsonTypeInfo<T> info) =>
        body is { ValueKind: JsonValueKind.Object } element ? element.Deserialize(info) : default;

    /// <summary>Reads one field of the body as <typeparamref name="T"/>; <see langword="null"/> when absent or null.</summary>
    public static T? Read<T>(JsonElement? body, string field, JsonTypeInfo<T> info) =>
        Field(body, field) is { } value ? value.Deserialize(info) : default;

    /// <summary>One field of the body, or <see langword="null"/> when absent or JSON null.</summary>
    public static JsonElement? Field(JsonElement? body, string field) =>
        body is { ValueKind: JsonValueKind.Object } element && element.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    /// <summary>A boolean field, or <see langword="null"/> when absent or not a boolean.</summary>
    public static bool? Bool(JsonElement? body, string field) => Field(body, field) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    /// <summary>A JSON array of strings.</summary>
    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);
}
