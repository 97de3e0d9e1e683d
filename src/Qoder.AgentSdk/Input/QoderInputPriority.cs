namespace Qoder.AgentSdk.Input;

/// <summary>When the CLI delivers a user message (<c>priority</c>).</summary>
public enum QoderInputPriority
{
    /// <summary>Interrupts the active turn (<c>now</c>).</summary>
    Now,

    /// <summary>Joins the running turn at its next safe point, or starts one when idle (<c>next</c>, the CLI's default).</summary>
    Next,

    /// <summary>Waits until the session is idle and runs as its own turn (<c>later</c>).</summary>
    Later,
}
