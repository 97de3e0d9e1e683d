namespace Qoder.AgentSdk.Input;

/// <summary>A content block of a <see cref="QoderUserInput"/>: <see cref="QoderTextInput"/> or <see cref="QoderImageInput"/>.</summary>
public abstract class QoderInputBlock
{
    private protected QoderInputBlock()
    {
    }
}
