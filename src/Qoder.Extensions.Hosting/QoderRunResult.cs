using Qoder.AgentSdk.Protocol;

namespace Qoder.Extensions.Hosting;

/// <summary>The outcome of <see cref="IQoderAgent.RunAsync(string, QoderSessionOptions?, CancellationToken)"/>. A failed turn is a result (<see cref="IsError"/>), not an exception.</summary>
public sealed class QoderRunResult
{
    /// <summary>Initializes a new instance of the <see cref="QoderRunResult"/> class.</summary>
    /// <param name="text">The main agent's text.</param>
    /// <param name="result">The turn's result message.</param>
    /// <param name="messages">Every message of the turn.</param>
    public QoderRunResult(string text, ResultMessage result, IReadOnlyList<QoderMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(result);
        Text = text;
        Result = result;
        Messages = messages;
    }

    /// <summary>Gets the final text: the main agent's text blocks joined, or the result's text when there were none.</summary>
    public string Text { get; }

    /// <summary>Gets the turn's result message.</summary>
    public ResultMessage Result { get; }

    /// <summary>Gets every message of the turn, in order.</summary>
    public IReadOnlyList<QoderMessage> Messages { get; }

    /// <summary>Gets the token usage of the turn.</summary>
    public QoderUsage? Usage => Result.Usage;

    /// <summary>Gets the session id.</summary>
    public string? SessionId => Result.SessionId;

    /// <summary>Gets a value indicating whether the turn failed.</summary>
    public bool IsError => Result.IsError;
}
