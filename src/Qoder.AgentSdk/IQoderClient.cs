using System.Text.Json;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Input;
using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk;

/// <summary>
/// A conversation with one running <c>qodercli</c>: send prompts, receive each turn, control the session. Implemented by
/// <see cref="QoderClient"/> and by hosted sessions, so that typed control requests (the extension methods of
/// <see cref="QoderClientControlExtensions"/>) are written once for both.
/// </summary>
public interface IQoderClient
{
    /// <summary>Gets the session id reported by the CLI.</summary>
    string? SessionId { get; }

    /// <summary>
    /// Gets the CLI's answer to <c>initialize</c> (commands, agents, models, capabilities), with the latest command list,
    /// or <see langword="null"/> before it has come. An implementation that cannot tell keeps the default
    /// <see langword="null"/>: typed control requests then leave the capability check to the CLI.
    /// </summary>
    QoderInitializeResult? InitializationResult => null;

    /// <summary>Sends a prompt. It starts a turn, or joins the running one at its next safe point.</summary>
    /// <param name="prompt">The prompt text.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The uuid of the message (its <c>command_lifecycle</c> id).</returns>
    Task<string> SendAsync(string prompt, CancellationToken cancellationToken = default);

    /// <summary>Sends a structured user message (text and image blocks, uuid, priority, custom context, attachments).</summary>
    /// <param name="input">The message.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The uuid of the message: <see cref="QoderUserInput.Uuid"/>, or the one generated for it.</returns>
    Task<string> SendAsync(QoderUserInput input, CancellationToken cancellationToken = default);

    /// <summary>
    /// Receives the messages of the running turn, up to and including its main <see cref="ResultMessage"/> (one without a
    /// parent tool use). The stream ends early, without an exception, when the CLI exits cleanly before a result; it
    /// throws when the CLI fails. Cancellation interrupts the turn, then kills the process if it does not end in time.
    /// </summary>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>The messages.</returns>
    IAsyncEnumerable<QoderMessage> ReceiveResponseAsync(CancellationToken cancellationToken = default);

    /// <summary>Interrupts the running turn; it ends with an <c>error_during_execution</c> result.</summary>
    /// <param name="cancellationToken">Cancels the wait for the CLI's receipt.</param>
    /// <returns>A task that completes when the CLI has accepted the interrupt.</returns>
    Task InterruptAsync(CancellationToken cancellationToken = default);

    /// <summary>Switches the model for the following model calls.</summary>
    /// <param name="model">The model, or <see langword="null"/> for the default.</param>
    /// <param name="cancellationToken">Cancels the wait for the CLI's answer.</param>
    /// <returns>A task that completes when the CLI has switched.</returns>
    Task SetModelAsync(string? model, CancellationToken cancellationToken = default);

    /// <summary>Switches the permission mode.</summary>
    /// <param name="mode">The mode (<see cref="QoderPermissionMode.Yolo"/> is sent as bypassPermissions).</param>
    /// <param name="cancellationToken">Cancels the wait for the CLI's answer.</param>
    /// <returns>A task that completes when the CLI has switched.</returns>
    Task SetPermissionModeAsync(QoderPermissionMode mode, CancellationToken cancellationToken = default);

    /// <summary>Sends any control request and returns the CLI's response body.</summary>
    /// <param name="request">The request; must contain <c>subtype</c>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The response body, or <see langword="null"/> when the CLI sent none.</returns>
    Task<JsonElement?> SendControlRequestAsync(JsonObject request, CancellationToken cancellationToken = default);
}
