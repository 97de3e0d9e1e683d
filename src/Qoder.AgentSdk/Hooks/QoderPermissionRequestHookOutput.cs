using System.Text.Json.Nodes;

namespace Qoder.AgentSdk;

/// <summary>A PermissionRequest hook's answer to the permission prompt, in place of asking.</summary>
public sealed class QoderPermissionRequestHookOutput : QoderHookSpecificOutput
{
    /// <summary>Initializes a new instance of the <see cref="QoderPermissionRequestHookOutput"/> class.</summary>
    /// <param name="decision">Allow (optionally with a replaced input and permission updates) or deny (with a message).</param>
    public QoderPermissionRequestHookOutput(QoderToolPermissionResult decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        Decision = decision;
    }

    /// <inheritdoc/>
    public override QoderHookEvent HookEvent => QoderHookEvent.PermissionRequest;

    /// <summary>Gets the decision.</summary>
    public QoderToolPermissionResult Decision { get; }

    private protected override void WriteFields(JsonObject json)
    {
        var decision = new JsonObject();
        if (Decision.IsAllowed)
        {
            decision["behavior"] = "allow";
            HookOutputJson.Set(decision, "updatedInput", Decision.UpdatedInput);
            HookOutputJson.Set(decision, "updatedPermissions", Decision.UpdatedPermissions);
        }
        else
        {
            decision["behavior"] = "deny";
            decision["message"] = Decision.Message;
            decision["interrupt"] = Decision.Interrupt;
        }

        json["decision"] = decision;
    }
}
