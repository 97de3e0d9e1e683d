using System.Text.Json.Nodes;

namespace Qoder.AgentSdk;

/// <summary>
/// Context for the model from a hook of an event whose specific output is just <c>additionalContext</c>: SessionStart,
/// PostToolUseFailure, Setup, SubagentStart, PreCompact, PostCompact, Notification, CwdChanged, FileChanged (and
/// UserPromptSubmit or PostToolUse when nothing else is needed).
/// </summary>
public sealed class QoderAdditionalContextHookOutput : QoderHookSpecificOutput
{
    /// <summary>Initializes a new instance of the <see cref="QoderAdditionalContextHookOutput"/> class.</summary>
    /// <param name="hookEvent">The event this output answers.</param>
    /// <param name="additionalContext">The text added to the model's context.</param>
    public QoderAdditionalContextHookOutput(QoderHookEvent hookEvent, string additionalContext)
    {
        ArgumentNullException.ThrowIfNull(additionalContext);
        _ = hookEvent.ToWireName();
        HookEvent = hookEvent;
        AdditionalContext = additionalContext;
    }

    /// <inheritdoc/>
    public override QoderHookEvent HookEvent { get; }

    /// <summary>Gets the text added to the model's context.</summary>
    public string AdditionalContext { get; }

    private protected override void WriteFields(JsonObject json) => json["additionalContext"] = AdditionalContext;
}
