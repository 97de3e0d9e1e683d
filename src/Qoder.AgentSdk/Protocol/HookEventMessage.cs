using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary><c>system/hook_started</c>, <c>hook_progress</c> or <c>hook_response</c>: a command hook of the CLI ran.</summary>
public sealed record HookEventMessage : QoderMessage
{
    /// <summary>Gets the subtype: <c>hook_started</c>, <c>hook_progress</c> or <c>hook_response</c>.</summary>
    [JsonPropertyName("subtype")]
    public string Subtype { get; init; } = string.Empty;

    /// <summary>Gets the hook run id.</summary>
    [JsonPropertyName("hook_id")]
    public string? HookId { get; init; }

    /// <summary>Gets the hook's name.</summary>
    [JsonPropertyName("hook_name")]
    public string? HookName { get; init; }

    /// <summary>Gets the hook event, such as <c>SessionStart</c>.</summary>
    [JsonPropertyName("hook_event")]
    public string? HookEvent { get; init; }

    /// <summary>Gets the hook's output.</summary>
    [JsonPropertyName("output")]
    public string? Output { get; init; }

    /// <summary>Gets what the hook wrote to stdout.</summary>
    [JsonPropertyName("stdout")]
    public string? Stdout { get; init; }

    /// <summary>Gets what the hook wrote to stderr.</summary>
    [JsonPropertyName("stderr")]
    public string? Stderr { get; init; }

    /// <summary>Gets the hook's exit code (responses only).</summary>
    [JsonPropertyName("exit_code")]
    public int? ExitCode { get; init; }

    /// <summary>Gets the outcome: <c>success</c>, <c>error</c> or <c>cancelled</c> (responses only).</summary>
    [JsonPropertyName("outcome")]
    public string? Outcome { get; init; }

    /// <summary>Gets how long the hook ran, in milliseconds (responses only).</summary>
    [JsonPropertyName("duration_ms")]
    public long? DurationMs { get; init; }

    /// <summary>Gets a value indicating whether this is the final <c>hook_response</c>.</summary>
    [JsonIgnore]
    public bool IsResponse => Subtype == "hook_response";

}
