using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>
/// A <c>system</c> message without a record of its own (a subtype newer than this client).
/// Its fields are in <see cref="QoderMessage.ExtensionData"/>; <see cref="GetString"/> reads one.
/// </summary>
public sealed record SystemMessage : QoderMessage
{
    /// <summary>Gets the subtype, such as <c>status</c> or <c>hook_response</c>.</summary>
    [JsonPropertyName("subtype")]
    public string Subtype { get; init; } = string.Empty;

    /// <summary>Reads a string field.</summary>
    /// <param name="name">The JSON field name.</param>
    /// <returns>The value, or <see langword="null"/> when absent or not a string.</returns>
    public string? GetString(string name) =>
        ExtensionData is not null && ExtensionData.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
