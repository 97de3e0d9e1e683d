using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qoder.AgentSdk;

/// <summary>Writes optional hook output fields, leaving absent values out as the CLI expects.</summary>
internal static class HookOutputJson
{
    public static void Set(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    public static void Set(JsonObject json, string name, bool? value)
    {
        if (value is { } flag)
        {
            json[name] = flag;
        }
    }

    public static void Set(JsonObject json, string name, JsonElement? value)
    {
        if (value is { ValueKind: not JsonValueKind.Undefined } element)
        {
            json[name] = JsonNode.Parse(element.GetRawText());
        }
    }
}
