using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Internal;

/// <summary>JavaScript truthiness of a JSON value, where the official SDK's decisions rest on it.</summary>
internal static class JsonTruthiness
{
    /// <summary>Whether <paramref name="node"/> is truthy: not null, false, an empty string or zero.</summary>
    public static bool IsTruthy(JsonNode? node) => node switch
    {
        null => false,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.False or JsonValueKind.Null => false,
            JsonValueKind.String => value.GetValue<string>().Length > 0,
            JsonValueKind.Number => value.GetValue<double>() != 0,
            _ => true,
        },
        _ => true,
    };
}
