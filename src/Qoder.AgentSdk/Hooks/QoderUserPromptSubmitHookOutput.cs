using System.Text.Json.Nodes;

namespace Qoder.AgentSdk;

/// <summary>What a UserPromptSubmit hook adds to the model's context.</summary>
public sealed class QoderUserPromptSubmitHookOutput : QoderHookSpecificOutput
{
    /// <inheritdoc/>
    public override QoderHookEvent HookEvent => QoderHookEvent.UserPromptSubmit;

    /// <summary>Gets or sets text added to the model's context (recorded as a <c>hook_output</c> attachment).</summary>
    public string? AdditionalContext { get; set; }

    private protected override void WriteFields(JsonObject json) => HookOutputJson.Set(json, "additionalContext", AdditionalContext);
}
