using System.Text.Json;

namespace Qoder.AgentSdk.ModelPolicy;

/// <summary>What the CLI tells the host before a model call in pull mode (<c>get_model_policy</c>).</summary>
public sealed class QoderModelPolicyContext
{
    /// <summary>Gets why the model is called: <c>main</c>, <c>plan</c>, <c>task</c>, <c>compact</c>, <c>title</c>, <c>suggestion</c>, <c>subagent</c>, … (<c>purpose</c>).</summary>
    public required string Purpose { get; init; }

    /// <summary>Gets the CLI's session id.</summary>
    public string? SessionId { get; init; }

    /// <summary>Gets the turn index in the conversation, from 0.</summary>
    public int TurnIndex { get; init; }

    /// <summary>Gets the runtime id of the subagent that calls the model; <see langword="null"/> for the main session.</summary>
    public string? AgentId { get; init; }

    /// <summary>Gets the type of that subagent, such as <c>bash-agent</c>.</summary>
    public string? AgentType { get; init; }

    /// <summary>Gets the model the CLI chose before asking the host.</summary>
    public string? ResolvedModel { get; init; }

    /// <summary>
    /// Gets the models the CLI can use right now (its <c>models</c>, empty when it sent none): one JSON object per model,
    /// with <c>value</c> (the id to answer with), <c>displayName</c>, <c>isDefault</c>, <c>isEnabled</c>,
    /// <c>maxInputTokens</c>, <c>efforts</c> and the rest of the catalog entry.
    /// </summary>
    public IReadOnlyList<JsonElement> AvailableModels { get; init; } = [];
}
