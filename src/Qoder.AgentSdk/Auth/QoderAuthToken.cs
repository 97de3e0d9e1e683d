namespace Qoder.AgentSdk.Auth;

/// <summary>A token the host hands to the CLI when it asks for one (service-account or job token).</summary>
public sealed class QoderAuthToken
{
    /// <summary>Initializes a new instance of the <see cref="QoderAuthToken"/> class.</summary>
    /// <param name="token">The token.</param>
    /// <param name="expiresAt">When it expires, if known; the CLI asks again (reason <c>expiring</c>) before then.</param>
    public QoderAuthToken(string token, DateTimeOffset? expiresAt = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        Token = token;
        ExpiresAt = expiresAt;
    }

    /// <summary>Gets the token.</summary>
    public string Token { get; }

    /// <summary>Gets when the token expires, if known.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <inheritdoc />
    public override string ToString() => ExpiresAt is { } at ? $"QoderAuthToken(***, expires {at:O})" : "QoderAuthToken(***)";
}
