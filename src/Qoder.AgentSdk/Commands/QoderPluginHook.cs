using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Commands;

/// <summary>A hook a plugin registers.</summary>
public sealed record QoderPluginHook
{
    /// <summary>Gets the hook event, such as <c>PreToolUse</c>.</summary>
    [JsonPropertyName("event")]
    public string Event { get; init; } = "";

    /// <summary>Gets the matcher.</summary>
    [JsonPropertyName("matcher")]
    public string? Matcher { get; init; }

    /// <summary>Gets the hook type, such as <c>command</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "";
}
