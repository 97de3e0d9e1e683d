using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>One content block written by the model (text, a tool call, thinking).</summary>
public sealed record AssistantMessage : QoderMessage
{
    /// <summary>Gets the model message.</summary>
    [JsonPropertyName("message")]
    public AssistantContent Message { get; init; } = new();

    /// <summary>Gets the tool call of the subagent that wrote this, or <see langword="null"/> for the main agent.</summary>
    [JsonPropertyName("parent_tool_use_id")]
    public string? ParentToolUseId { get; init; }

    /// <summary>Gets the error kind, such as <c>authentication_failed</c>, when the message reports a failure.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>Gets a value indicating whether an interrupt cut the message short.</summary>
    [JsonPropertyName("aborted")]
    public bool? Aborted { get; init; }

    /// <summary>Gets the model request id, when reported.</summary>
    [JsonPropertyName("request_id")]
    public string? RequestId { get; init; }

    /// <summary>Gets a value indicating whether the CLI synthesised this message to report an API error.</summary>
    [JsonIgnore]
    public bool IsApiErrorMessage => Message.Model == "<synthetic>";
}
