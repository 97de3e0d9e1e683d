namespace Qoder.AgentSdk.Testing;

/// <summary>Makes SDK-mode authentication fail: the stand-in prints one error <c>result</c> and exits 41, before reading stdin.</summary>
public sealed class QoderScenarioAuthFailure
{
    /// <summary>The <c>terminal_reason</c>, for example <c>access_token_invalid</c> or <c>auth_required</c>.</summary>
    public string TerminalReason { get; set; } = "access_token_invalid";

    /// <summary>The single entry of <c>errors</c>.</summary>
    public string Message { get; set; } = "The provided access token was rejected by the API";

    /// <summary>The exit code; the real CLI uses 41 for every authentication failure.</summary>
    public int ExitCode { get; set; } = 41;
}
