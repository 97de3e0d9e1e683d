using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qoder.AgentSdk;

/// <summary>What a PreToolUse hook decides: allow, deny, ask or defer; a replaced input; extra context for the model.</summary>
public sealed class QoderPreToolUseHookOutput : QoderHookSpecificOutput
{
    /// <inheritdoc/>
    public override QoderHookEvent HookEvent => QoderHookEvent.PreToolUse;

    /// <summary>Gets or sets the decision about the tool call.</summary>
    public QoderHookPermissionDecision? PermissionDecision { get; set; }

    /// <summary>Gets or sets the reason for the decision (shown to the model on a deny).</summary>
    public string? PermissionDecisionReason { get; set; }

    /// <summary>Gets or sets the input the tool runs with instead of the requested one (a JSON object).</summary>
    public JsonElement? UpdatedInput { get; set; }

    /// <summary>Gets or sets text added to the model's context.</summary>
    public string? AdditionalContext { get; set; }

    private protected override void WriteFields(JsonObject json)
    {
        if (PermissionDecision is { } decision)
        {
            json["permissionDecision"] = decision switch
            {
                QoderHookPermissionDecision.Allow => "allow",
                QoderHookPermissionDecision.Deny => "deny",
                QoderHookPermissionDecision.Ask => "ask",
                QoderHookPermissionDecision.Defer => "defer",
                _ => throw new InvalidOperationException($"Unknown permission decision {decision}."),
            };
        }

        HookOutputJson.Set(json, "permissionDecisionReason", PermissionDecisionReason);
        HookOutputJson.Set(json, "updatedInput", UpdatedInput);
        HookOutputJson.Set(json, "additionalContext", AdditionalContext);
    }
}
