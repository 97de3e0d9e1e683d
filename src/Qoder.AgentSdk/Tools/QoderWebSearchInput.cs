using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Tools;

/// <summary>The input of the WebSearch tool. Read it with <c>request.InputAs&lt;QoderWebSearchInput&gt;()</c>; fields the CLI adds later are kept in <see cref="QoderToolInput.ExtensionData"/>.</summary>
public sealed record QoderWebSearchInput : QoderToolInput
{
    /// <summary>The tool's name.</summary>
    public const string ToolName = "WebSearch";

    /// <summary>Gets the search query.</summary>
    [JsonPropertyName("query")]
    public required string Query { get; init; }

    /// <summary>Gets only results from these domains.</summary>
    [JsonPropertyName("allowed_domains")]
    public IReadOnlyList<string>? AllowedDomains { get; init; }

    /// <summary>Gets no results from these domains.</summary>
    [JsonPropertyName("blocked_domains")]
    public IReadOnlyList<string>? BlockedDomains { get; init; }
}
