namespace Qoder.AgentSdk.Input;

/// <summary>A text block of a user message.</summary>
public sealed class QoderTextInput : QoderInputBlock
{
    /// <summary>Initializes a new instance of the <see cref="QoderTextInput"/> class.</summary>
    /// <param name="text">The text.</param>
    public QoderTextInput(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
    }

    /// <summary>Gets the text.</summary>
    public string Text { get; }
}
