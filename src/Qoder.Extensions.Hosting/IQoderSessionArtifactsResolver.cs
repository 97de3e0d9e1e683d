using Qoder.AgentSdk.Artifacts;
using Qoder.AgentSdk.Protocol;

namespace Qoder.Extensions.Hosting;

/// <summary>
/// Returns the host's artifact snapshot of a session when the CLI asks (<c>resolve_session_artifacts</c>). Registered
/// with <c>AddSessionArtifactsResolver&lt;TResolver&gt;()</c> as a scoped service and resolved from the DI scope of the
/// session that asks.
/// </summary>
public interface IQoderSessionArtifactsResolver
{
    /// <summary>Gets the snapshot, which replaces the CLI's (empty clears it); throwing leaves the CLI's in effect.</summary>
    /// <param name="request">The CLI's session id and working directory.</param>
    /// <param name="cancellationToken">Cancelled when the CLI withdraws the request or the session ends.</param>
    /// <returns>The artifacts.</returns>
    ValueTask<IReadOnlyList<QoderArtifactInfo>> ResolveAsync(QoderSessionArtifactsRequest request, CancellationToken cancellationToken);
}
