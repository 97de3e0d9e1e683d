namespace Qoder.AgentSdk.Testing.Internal.Turns;

/// <summary>The steps of one assistant message: model blocks, then the tool calls that end it, with faults in between.</summary>
internal sealed class StepGroup
{
    public List<QoderScenarioStep> Steps { get; } = [];

    public bool HasToolUse => Steps.Any(s => s.Type == "tool_use");

    public bool HasModelBlocks => Steps.Any(s => s.Type is "text" or "thinking" or "tool_use");

    /// <summary>Splits a turn's steps into messages: at each <c>new_message</c>, and where text or thinking follows a tool call.</summary>
    public static List<StepGroup> Split(IEnumerable<QoderScenarioStep> steps)
    {
        var groups = new List<StepGroup>();
        var current = new StepGroup();
        foreach (var step in steps)
        {
            var startsNew = step.Type == "new_message"
                || (step.Type is "text" or "thinking" && current.HasToolUse);
            if (startsNew && current.Steps.Count > 0)
            {
                groups.Add(current);
                current = new StepGroup();
            }

            if (step.Type != "new_message")
            {
                current.Steps.Add(step);
            }
        }

        if (current.Steps.Count > 0)
        {
            groups.Add(current);
        }

        return groups;
    }
}
