using System.Text.Json;

namespace Qoder.AgentSdk.Control;

/// <summary>Reads optional fields of a control request body, tolerating a field of another type as absent.</summary>
internal static class JsonFields
{
    public static string? String(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static int Int(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : 0;

    public static JsonElement? Object(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value.Clone() : null;

    public static IReadOnlyList<JsonElement> Array(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(e => e.Clone())] : [];

    public static IReadOnlyList<string> Strings(JsonElement body, string name) =>
        [.. Array(body, name).Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];
}
