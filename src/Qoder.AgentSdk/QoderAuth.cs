using System.Security.Cryptography;
using System.Text;
using Qoder.AgentSdk.Auth;

namespace Qoder.AgentSdk;

/// <summary>
/// The credentials the CLI starts with. A token is handed to the CLI through a one-time payload file
/// (owner-only, deleted after start-up), never on the command line.
/// </summary>
public sealed class QoderAuth
{
    /// <summary>The environment variable the official SDKs read the Personal Access Token from.</summary>
    public const string DefaultAccessTokenVariable = "QODER_PERSONAL_ACCESS_TOKEN";

    /// <summary>The environment variable the official SDKs read a service-account key from.</summary>
    public const string DefaultServiceAccountKeyVariable = "QODER_SERVICE_ACCOUNT_KEY";

    private readonly string? _token;

    private QoderAuth(QoderAuthKind kind, string? token, string? environmentVariable)
    {
        Kind = kind;
        _token = token;
        EnvironmentVariable = environmentVariable;
    }

    private QoderAuth(QoderAuthKind kind, Func<QoderTokenRequest, CancellationToken, ValueTask<QoderAuthToken?>> fetchToken)
    {
        Kind = kind;
        FetchToken = fetchToken;
    }

    /// <summary>
    /// Gets the callback that hands the CLI a token when it asks (<c>fetch_service_account_token</c> or
    /// <c>fetch_job_token</c>); <see langword="null"/> when the credential is in the payload.
    /// </summary>
    public Func<QoderTokenRequest, CancellationToken, ValueTask<QoderAuthToken?>>? FetchToken { get; }

    /// <summary>Gets how the credentials are passed.</summary>
    public QoderAuthKind Kind { get; }

    /// <summary>Gets the environment variable the token is read from at launch, when the token was not given directly.</summary>
    public string? EnvironmentVariable { get; }

    /// <summary>Reads the Personal Access Token from an environment variable when the CLI is launched.</summary>
    /// <param name="variableName">The variable; <c>QODER_PERSONAL_ACCESS_TOKEN</c> by default.</param>
    /// <returns>The auth setting.</returns>
    public static QoderAuth AccessTokenFromEnv(string variableName = DefaultAccessTokenVariable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(variableName);
        return new QoderAuth(QoderAuthKind.AccessToken, null, variableName);
    }

    /// <summary>Uses the given Personal Access Token.</summary>
    /// <param name="token">The token.</param>
    /// <returns>The auth setting.</returns>
    public static QoderAuth AccessToken(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        return new QoderAuth(QoderAuthKind.AccessToken, token, null);
    }

    /// <summary>Uses an organisation's service-account key; the CLI exchanges it for tokens itself.</summary>
    /// <param name="serviceAccountKey">The key.</param>
    /// <returns>The auth setting.</returns>
    public static QoderAuth ServiceAccount(string serviceAccountKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceAccountKey);
        return new QoderAuth(QoderAuthKind.ServiceAccount, serviceAccountKey, null);
    }

    /// <summary>Reads a service-account key from an environment variable when the CLI is launched.</summary>
    /// <param name="variableName">The variable; <c>QODER_SERVICE_ACCOUNT_KEY</c> by default.</param>
    /// <returns>The auth setting.</returns>
    public static QoderAuth ServiceAccountFromEnv(string variableName = DefaultServiceAccountKeyVariable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(variableName);
        return new QoderAuth(QoderAuthKind.ServiceAccount, null, variableName);
    }

    /// <summary>
    /// Uses a service account whose tokens the host obtains: the CLI asks with <c>fetch_service_account_token</c> at
    /// start-up and again before a token expires or after it was rejected. The key never reaches the CLI.
    /// </summary>
    /// <param name="fetchToken">Returns a token; <see langword="null"/> (or an exception) tells the CLI none is available.</param>
    /// <returns>The auth setting.</returns>
    public static QoderAuth ServiceAccount(Func<QoderTokenRequest, CancellationToken, ValueTask<QoderAuthToken?>> fetchToken)
    {
        ArgumentNullException.ThrowIfNull(fetchToken);
        return new QoderAuth(QoderAuthKind.ServiceAccount, fetchToken);
    }

    /// <summary>
    /// Uses job tokens the host obtains: the CLI asks with <c>fetch_job_token</c> during <c>initialize</c> and again
    /// before a token expires or after it was rejected.
    /// </summary>
    /// <param name="fetchToken">Returns a token; <see langword="null"/> (or an exception) tells the CLI none is available.</param>
    /// <returns>The auth setting.</returns>
    public static QoderAuth JobToken(Func<QoderTokenRequest, CancellationToken, ValueTask<QoderAuthToken?>> fetchToken)
    {
        ArgumentNullException.ThrowIfNull(fetchToken);
        return new QoderAuth(QoderAuthKind.JobToken, fetchToken);
    }

    /// <summary>Reuses the login of a locally installed <c>qodercli</c>.</summary>
    /// <returns>The auth setting.</returns>
    public static QoderAuth QoderCliLogin() => new(QoderAuthKind.QoderCliLogin, null, null);

    /// <summary>
    /// Starts the CLI in plain headless mode, without the SDK entrypoint and without an auth payload, so the CLI
    /// authenticates by its own means (its login, or settings such as <c>security.auth.useExternal</c> for offline runs).
    /// </summary>
    /// <returns>The auth setting.</returns>
    public static QoderAuth Headless() => new(QoderAuthKind.Headless, null, null);

    /// <summary>Resolves the token or key to put in the payload, reading the environment variable when needed.</summary>
    /// <param name="environment">The child environment, consulted before the host environment.</param>
    /// <returns>The token.</returns>
    /// <exception cref="QoderAuthenticationException">The variable is unset or empty.</exception>
    internal string ResolveToken(IReadOnlyDictionary<string, string?> environment)
    {
        if (_token is not null)
        {
            return _token;
        }

        var name = EnvironmentVariable!;
        var value = environment.TryGetValue(name, out var fromOptions) ? fromOptions : System.Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(value) && Kind == QoderAuthKind.ServiceAccount)
        {
            throw new QoderAuthenticationException(
                $"No Qoder service-account key: the environment variable {name} is not set. Set it (or the configuration key Qoder:ServiceAccountKey when hosted), or choose another QoderAuth.",
                terminalReason: "auth_service_account_env_var_not_configured");
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new QoderAuthenticationException(
                $"No Qoder Personal Access Token: the environment variable {name} is not set. Set it (or the configuration key Qoder:PersonalAccessToken when hosted), or choose another QoderAuth.",
                terminalReason: "auth_access_token_env_var_not_configured");
        }

        return value;
    }

    /// <summary>
    /// Gets what tells these credentials apart at launch without revealing them: the kind, the variable, and the first
    /// 16 hex digits of the token's SHA-256 (so a rotated token starts new processes).
    /// </summary>
    internal string LaunchFingerprint => _token is null
        ? $"{Kind}({EnvironmentVariable ?? (FetchToken is null ? null : "host")})"
        : $"{Kind}(sha256:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_token)))[..16]})";

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        QoderAuthKind.AccessToken when _token is not null => "AccessToken(***)",
        QoderAuthKind.AccessToken => $"AccessTokenFromEnv({EnvironmentVariable})",
        QoderAuthKind.ServiceAccount when _token is not null => "ServiceAccount(***)",
        QoderAuthKind.ServiceAccount when EnvironmentVariable is not null => $"ServiceAccountFromEnv({EnvironmentVariable})",
        QoderAuthKind.ServiceAccount or QoderAuthKind.JobToken => $"{Kind}(host)",
        _ => Kind.ToString(),
    };
}
