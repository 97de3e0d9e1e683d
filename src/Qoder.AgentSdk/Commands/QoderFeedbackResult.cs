namespace Qoder.AgentSdk.Commands;

/// <summary>The outcome of submitting feedback.</summary>
/// <param name="Success">Whether the server accepted it.</param>
/// <param name="Message">The CLI's message, or why it failed.</param>
/// <param name="RequestId">The server's request id of an accepted submission.</param>
public sealed record QoderFeedbackResult(bool Success, string Message, string? RequestId);
