namespace Qoder.AgentSdk.Testing;

/// <summary>The script of one turn (one <c>result</c>). Turns are consumed in order, one per turn the stand-in runs.</summary>
public sealed class QoderScenarioTurn
{
    /// <summary>
    /// Steps in order. Consecutive content blocks form one model message (they share <c>message.id</c>); a text or thinking
    /// block after a tool_use starts the next model message, as does <c>new_message</c>. The tools of a message run after
    /// all its steps were played.
    /// </summary>
    public IList<QoderScenarioStep> Steps { get; set; } = [];

    /// <summary>Overrides for the final <c>result</c>.</summary>
    public QoderScenarioResult? Result { get; set; }

    /// <summary>Steps played after the <c>result</c> and the lifecycle frames, for example a crash after the turn.</summary>
    public IList<QoderScenarioStep> AfterResult { get; set; } = [];
}
