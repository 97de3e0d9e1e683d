namespace Qoder.AgentSdk;

/// <summary>What <c>RewindAsync</c> takes back.</summary>
public enum QoderRewindScope
{
    /// <summary>The conversation and the files (<c>both</c>, the default).</summary>
    Both,

    /// <summary>The conversation only (<c>conversation</c>).</summary>
    Conversation,

    /// <summary>The files only (<c>files</c>; needs <see cref="QoderAgentOptions"/> file checkpointing).</summary>
    Files,
}
