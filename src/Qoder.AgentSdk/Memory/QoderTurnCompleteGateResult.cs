namespace Qoder.AgentSdk.Memory;

/// <summary>A gate's decision: run the background work for the completed turn or skip it.</summary>
/// <param name="Run"><see langword="true"/> to start; <see langword="false"/> for a <c>skipped</c> result.</param>
/// <param name="Reason">A reason the CLI puts in the result, if any.</param>
public sealed record QoderTurnCompleteGateResult(bool Run, string? Reason = null)
{
    /// <summary>Starts the work.</summary>
    /// <param name="reason">An optional reason.</param>
    /// <returns>The decision.</returns>
    public static QoderTurnCompleteGateResult Start(string? reason = null) => new(true, reason);

    /// <summary>Skips the work.</summary>
    /// <param name="reason">An optional reason.</param>
    /// <returns>The decision.</returns>
    public static QoderTurnCompleteGateResult Skip(string? reason = null) => new(false, reason);
}
