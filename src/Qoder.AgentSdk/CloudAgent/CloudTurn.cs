using System.Text;
using System.Text.Json;
using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk.CloudAgent;

/// <summary>
/// What one prompt's turn has produced so far: the agent's text, the latest usage and the summed cost, turned into the
/// <see cref="ResultMessage"/> the CLI path would end the turn with.
/// </summary>
internal sealed class CloudTurn
{
    private readonly StringBuilder _text = new();
    private QoderUsage _usage = new() { InputTokens = 0, OutputTokens = 0, CacheCreationInputTokens = 0, CacheReadInputTokens = 0, ServiceTier = "standard" };
    private double _costUsd;

    internal CloudTurn(string? turnId) => TurnId = turnId;

    /// <summary>Gets the id the server gave the prompt; events of other turns are passed on but do not end this one.</summary>
    internal string? TurnId { get; }

    /// <summary>Tells whether an event belongs to this turn (without a turn id, only events without one do).</summary>
    internal bool Owns(JsonElement data) => CloudJson.String(data, "turn_id") == TurnId;

    /// <summary>Appends the text of an <c>agent.message</c>: a string, or the text blocks of a block list.</summary>
    internal void AddAgentMessage(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("content", out var content))
        {
            return;
        }

        if (content.ValueKind == JsonValueKind.String)
        {
            _text.Append(content.GetString());
            return;
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var block in content.EnumerateArray())
        {
            if (CloudJson.String(block, "type") == "text" && CloudJson.String(block, "text") is { } text)
            {
                _text.Append(text);
            }
        }
    }

    /// <summary>Takes the usage and cost of a <c>span.model_request_end</c>; fields it lacks keep their last value.</summary>
    internal void AddModelRequestEnd(JsonElement data)
    {
        if (CloudJson.Object(data, "usage") is not { } usage)
        {
            return;
        }

        _usage = _usage with
        {
            InputTokens = Tokens(usage, "input_tokens") ?? _usage.InputTokens,
            OutputTokens = Tokens(usage, "output_tokens") ?? _usage.OutputTokens,
            CacheCreationInputTokens = Tokens(usage, "cache_creation_input_tokens") ?? _usage.CacheCreationInputTokens,
            CacheReadInputTokens = Tokens(usage, "cache_read_input_tokens") ?? _usage.CacheReadInputTokens,
        };
        _costUsd += CloudJson.Number(data, "total_cost_usd") ?? CloudJson.Number(data, "cost_usd")
            ?? CloudJson.Number(usage, "total_cost_usd") ?? CloudJson.Number(usage, "cost_usd") ?? 0;
    }

    /// <summary>Builds the successful result, whose text is the agent's text of the turn.</summary>
    internal ResultMessage Success(string sessionId, TimeSpan elapsed) => Result(sessionId, elapsed) with
    {
        Subtype = "success",
        IsError = false,
        Result = _text.ToString(),
    };

    /// <summary>Builds the failed result.</summary>
    internal ResultMessage Failure(string sessionId, TimeSpan elapsed, string error) => Result(sessionId, elapsed) with
    {
        Subtype = "error_during_execution",
        IsError = true,
        Errors = [error],
    };

    private static long? Tokens(JsonElement usage, string name) => CloudJson.Number(usage, name) is { } value ? (long)value : null;

    private ResultMessage Result(string sessionId, TimeSpan elapsed) => new()
    {
        Type = "result",
        Uuid = Guid.NewGuid().ToString(),
        SessionId = sessionId,
        DurationMs = (long)elapsed.TotalMilliseconds,
        DurationApiMs = (long)elapsed.TotalMilliseconds,
        NumTurns = 1,
        TotalCostUsd = _costUsd,
        Usage = _usage,
        ModelUsage = new Dictionary<string, QoderModelUsage>(StringComparer.Ordinal),
    };
}
