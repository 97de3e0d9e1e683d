using Qoder.AgentSdk;
using Qoder.AgentSdk.Protocol;

namespace Qoder.Extensions.Hosting;

/// <summary>
/// A lease on one initialised <c>qodercli</c> process: one multi-turn conversation. Dispose it to end the lease; the
/// process goes back to the pool only if it never received a prompt, otherwise it is retired in the background.
/// </summary>
public interface IQoderSession : IAsyncDisposable
{
    /// <summary>Gets the session id reported by the CLI.</summary>
    string? SessionId { get; }

    /// <summary>Gets the CLI's process id.</summary>
    int? ProcessId { get; }

    /// <summary>Gets the model the session runs with, when known.</summary>
    string? Model { get; }

    /// <summary>Sends a prompt; from now on the process is retired when the session ends.</summary>
    /// <param name="prompt">The prompt.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The uuid of the message.</returns>
    Task<string> SendAsync(string prompt, CancellationToken cancellationToken = default);

    /// <summary>Receives the running turn up to and including its <see cref="ResultMessage"/>. Cancellation interrupts the turn, then kills the process if it does not end in time.</summary>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>The messages.</returns>
    IAsyncEnumerable<QoderMessage> ReceiveResponseAsync(CancellationToken cancellationToken = default);

    /// <summary>Interrupts the running turn.</summary>
    /// <param name="cancellationToken">Cancels the wait for the receipt.</param>
    /// <returns>A task that completes when the CLI has accepted the interrupt.</returns>
    Task InterruptAsync(CancellationToken cancellationToken = default);

    /// <summary>Switches the model.</summary>
    /// <param name="model">The model, or <see langword="null"/> for the default.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the CLI has switched.</returns>
    Task SetModelAsync(string? model, CancellationToken cancellationToken = default);

    /// <summary>Switches the permission mode.</summary>
    /// <param name="mode">The mode.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the CLI has switched.</returns>
    Task SetPermissionModeAsync(QoderPermissionMode mode, CancellationToken cancellationToken = default);
}
