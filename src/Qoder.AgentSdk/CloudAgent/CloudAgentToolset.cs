using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.CloudAgent;

/// <summary>The built-in toolset of a Cloud Agent (<c>agent_toolset_20260401</c>).</summary>
public sealed record CloudAgentToolset
{
    /// <summary>Gets the toolset type.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "agent_toolset_20260401";

    /// <summary>Gets the enabled tools: <c>bash</c>, <c>write</c>, <c>glob</c>, <c>web_fetch</c>, <c>read</c>, <c>edit</c>, <c>grep</c>, <c>web_search</c>.</summary>
    [JsonPropertyName("enabled_tools")]
    public IReadOnlyList<string>? EnabledTools { get; init; }
}
