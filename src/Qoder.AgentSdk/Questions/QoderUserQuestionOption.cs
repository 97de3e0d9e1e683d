namespace Qoder.AgentSdk;

/// <summary>One choice of a <see cref="QoderUserQuestion"/>.</summary>
public sealed class QoderUserQuestionOption
{
    internal QoderUserQuestionOption(string label, string description, string? preview)
    {
        Label = label;
        Description = description;
        Preview = preview;
    }

    /// <summary>Gets the label; an answer names options by label.</summary>
    public string Label { get; }

    /// <summary>Gets what the option means.</summary>
    public string Description { get; }

    /// <summary>Gets optional preview content for the option.</summary>
    public string? Preview { get; }
}
