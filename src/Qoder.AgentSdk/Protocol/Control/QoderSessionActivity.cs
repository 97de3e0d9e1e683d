using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>What the session has done so far.</summary>
public sealed record QoderSessionActivity
{
    /// <summary>Gets the messages.</summary>
    [JsonPropertyName("messageCount")]
    public int MessageCount { get; init; }

    /// <summary>Gets the prompts.</summary>
    [JsonPropertyName("promptCount")]
    public int PromptCount { get; init; }

    /// <summary>Gets the tool calls.</summary>
    [JsonPropertyName("toolCalls")]
    public QoderToolCallCounts? ToolCalls { get; init; }

    /// <summary>Gets the lines changed.</summary>
    [JsonPropertyName("linesChanged")]
    public QoderLinesChanged? LinesChanged { get; init; }
}
