using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qoder.AgentSdk;

/// <summary>An Elicitation hook's answer in place of the user, or an ElicitationResult hook's change to the user's answer.</summary>
public sealed class QoderElicitationHookOutput : QoderHookSpecificOutput
{
    /// <summary>Initializes a new instance of the <see cref="QoderElicitationHookOutput"/> class.</summary>
    /// <param name="hookEvent"><see cref="QoderHookEvent.Elicitation"/> or <see cref="QoderHookEvent.ElicitationResult"/>.</param>
    public QoderElicitationHookOutput(QoderHookEvent hookEvent)
    {
        if (hookEvent is not (QoderHookEvent.Elicitation or QoderHookEvent.ElicitationResult))
        {
            throw new ArgumentOutOfRangeException(nameof(hookEvent), hookEvent, "Only Elicitation and ElicitationResult hooks answer elicitations.");
        }

        HookEvent = hookEvent;
    }

    /// <inheritdoc/>
    public override QoderHookEvent HookEvent { get; }

    /// <summary>Gets or sets <c>accept</c>, <c>decline</c> or <c>cancel</c>.</summary>
    public string? Action { get; set; }

    /// <summary>Gets or sets the form answers (a JSON object), with <c>accept</c>.</summary>
    public JsonElement? Content { get; set; }

    private protected override void WriteFields(JsonObject json)
    {
        HookOutputJson.Set(json, "action", Action);
        HookOutputJson.Set(json, "content", Content);
    }
}
