namespace Qoder.AgentSdk.Testing;

/// <summary>Overrides for the <c>result</c> message that ends a scripted turn. Unset values follow the real CLI.</summary>
public sealed class QoderScenarioResult
{
    /// <summary><c>success</c> (default), <c>error_during_execution</c>, <c>error_max_turns</c>, <c>error_max_budget_usd</c> or <c>error_max_structured_output_retries</c>.</summary>
    public string Subtype { get; set; } = "success";

    /// <summary><c>is_error</c>; defaults to <see langword="false"/> for <c>success</c>, <see langword="true"/> otherwise.</summary>
    public bool? IsError { get; set; }

    /// <summary>The <c>result</c> text; defaults to the last assistant text of the turn.</summary>
    public string? Text { get; set; }

    /// <summary><c>stop_reason</c>; defaults to <c>end_turn</c>.</summary>
    public string? StopReason { get; set; }

    /// <summary><c>errors</c> of an error result.</summary>
    public IList<string>? Errors { get; set; }

    /// <summary><c>terminal_reason</c>, omitted when unset.</summary>
    public string? TerminalReason { get; set; }

    /// <summary><c>usage.input_tokens</c>.</summary>
    public long InputTokens { get; set; }

    /// <summary><c>usage.output_tokens</c>.</summary>
    public long OutputTokens { get; set; }

    /// <summary><c>usage.cache_creation_input_tokens</c>.</summary>
    public long CacheCreationInputTokens { get; set; }

    /// <summary><c>usage.cache_read_input_tokens</c>.</summary>
    public long CacheReadInputTokens { get; set; }

    /// <summary><c>total_cost_usd</c>.</summary>
    public double TotalCostUsd { get; set; }

    /// <summary><c>duration_ms</c>; defaults to the measured turn duration.</summary>
    public long? DurationMs { get; set; }
}
