using Qoder.AgentSdk.Auth;

namespace Qoder.Extensions.Hosting;

/// <summary>
/// Hands the CLI the tokens it asks for with <c>Qoder:Auth</c> <c>ServiceAccount</c> (without a key) or <c>JobToken</c>.
/// Registered with <c>AddTokenProvider&lt;TProvider&gt;()</c> as a singleton: processes ask during start-up, before any
/// session exists, and again when a token is about to expire.
/// </summary>
public interface IQoderTokenProvider
{
    /// <summary>Gets a token.</summary>
    /// <param name="request">Why the CLI asks, its session and (for a service account) the scopes it needs.</param>
    /// <param name="cancellationToken">Cancelled when the CLI withdraws the request or the process stops.</param>
    /// <returns>The token; <see langword="null"/> tells the CLI none is available.</returns>
    ValueTask<QoderAuthToken?> GetTokenAsync(QoderTokenRequest request, CancellationToken cancellationToken);
}
