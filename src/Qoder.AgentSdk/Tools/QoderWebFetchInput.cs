using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Tools;

/// <summary>The input of the WebFetch tool. Read it with <c>request.InputAs&lt;QoderWebFetchInput&gt;()</c>; fields the CLI adds later are kept in <see cref="QoderToolInput.ExtensionData"/>.</summary>
public sealed record QoderWebFetchInput : QoderToolInput
{
    /// <summary>The tool's name.</summary>
    public const string ToolName = "WebFetch";

    /// <summary>Gets the URL to fetch.</summary>
    [JsonPropertyName("url")]
    public required string Url { get; init; }

    /// <summary>Gets what to extract from the page.</summary>
    [JsonPropertyName("prompt")]
    public required string Prompt { get; init; }
}
