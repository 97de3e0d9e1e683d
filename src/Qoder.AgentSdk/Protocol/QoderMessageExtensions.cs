namespace Qoder.AgentSdk.Protocol;

/// <summary>Protocol facts about messages that callers would otherwise re-derive.</summary>
public static class QoderMessageExtensions
{
    /// <summary>
    /// Tells whether <paramref name="message"/>, received after sending the prompt <paramref name="promptUuid"/>, shows
    /// that the CLI accepted the prompt: a <c>command_lifecycle</c> for that uuid, or any message of the turn other than
    /// the lifecycle of another prompt. From then on, re-sending the prompt elsewhere would run it twice.
    /// </summary>
    /// <param name="message">A message received after the prompt was sent.</param>
    /// <param name="promptUuid">The uuid <see cref="IQoderClient.SendAsync(string, CancellationToken)"/> returned.</param>
    /// <returns><see langword="true"/> when the prompt is accepted.</returns>
    public static bool AcceptsPrompt(this QoderMessage message, string promptUuid)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message is not CommandLifecycleMessage lifecycle || string.Equals(lifecycle.CommandUuid, promptUuid, StringComparison.Ordinal);
    }

    /// <summary>Tells whether <paramref name="message"/> ends the main turn: a result with no parent tool use (a subagent's result does not).</summary>
    /// <param name="message">The message.</param>
    /// <returns><see langword="true"/> for the main turn's <see cref="ResultMessage"/>.</returns>
    public static bool EndsTurn(this QoderMessage message) => message is ResultMessage { ParentToolUseId: null };
}
