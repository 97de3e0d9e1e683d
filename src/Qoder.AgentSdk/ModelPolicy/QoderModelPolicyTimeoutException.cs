using System.Globalization;

namespace Qoder.AgentSdk.ModelPolicy;

/// <summary>
/// <see cref="QoderAgentOptions.ResolveModel"/> did not return within <see cref="QoderAgentOptions.ResolveModelTimeout"/>.
/// The CLI is answered with this message (the model call fails with it), and it is logged; there is no silent fallback.
/// </summary>
public sealed class QoderModelPolicyTimeoutException : QoderException
{
    /// <summary>Initializes a new instance of the <see cref="QoderModelPolicyTimeoutException"/> class.</summary>
    /// <param name="timeout">How long the callback was given.</param>
    public QoderModelPolicyTimeoutException(TimeSpan timeout)
        : base(string.Create(CultureInfo.InvariantCulture, $"ResolveModel did not return within {timeout.TotalMilliseconds:0} ms. Raise QoderAgentOptions.ResolveModelTimeout or make the callback return faster."))
    {
        Timeout = timeout;
    }

    /// <summary>Gets how long the callback was given.</summary>
    public TimeSpan Timeout { get; }
}
