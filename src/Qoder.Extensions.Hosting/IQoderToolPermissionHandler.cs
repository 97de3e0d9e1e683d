using Qoder.AgentSdk;

namespace Qoder.Extensions.Hosting;

/// <summary>
/// Decides the tool calls the CLI asks about (<c>can_use_tool</c>). Registered with
/// <c>AddToolPermissionHandler&lt;THandler&gt;()</c> as a scoped service and resolved from the DI scope of the run or
/// session that asks, so it may depend on scoped services. Requests of one session can arrive concurrently.
/// </summary>
public interface IQoderToolPermissionHandler
{
    /// <summary>Decides one tool call.</summary>
    /// <param name="request">The tool, its input, the CLI's suggestions and why it asks.</param>
    /// <param name="cancellationToken">Cancelled when the CLI withdraws the request or the session ends.</param>
    /// <returns>Allow (optionally with a changed input) or deny with a reason. An exception denies with its message.</returns>
    ValueTask<QoderToolPermissionResult> DecideAsync(QoderToolPermissionRequest request, CancellationToken cancellationToken);
}
