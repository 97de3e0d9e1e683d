using System.Collections;

namespace Qoder.AgentSdk.Transport;

/// <summary>Builds the CLI's environment (docs/protocol.md, Launch): the host environment plus the overlay, stale SDK variables removed.</summary>
internal static class ChildEnvironment
{
    public const string EntrypointVariable = "QODER_AGENT_SDK_ENTRYPOINT";
    public const string VersionVariable = "QODER_AGENT_SDK_VERSION";
    public const string LanguageVariable = "QODER_AGENT_SDK_LANGUAGE";
    public const string PayloadVariable = "QODER_SDK_AUTH_PAYLOAD_FILE";
    public const string VpcEndpointVariable = "QODER_VPC_ENDPOINT";

    private const int MinimumSearchableSecretLength = 8;

    /// <summary>The host environment with the options' overlay applied; what the CLI would see before SDK variables are set.</summary>
    public static Dictionary<string, string?> Overlay(QoderAgentOptions options)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = entry.Value as string;
        }

        foreach (var (name, value) in options.Environment)
        {
            if (value is null)
            {
                environment.Remove(name);
            }
            else
            {
                environment[name] = value;
            }
        }

        // As the official SDK: the endpoint wins over the overlay, and a blank one removes the variable.
        if (options.VpcEndpoint is { } endpoint)
        {
            if (string.IsNullOrWhiteSpace(endpoint))
            {
                environment.Remove(VpcEndpointVariable);
            }
            else
            {
                environment[VpcEndpointVariable] = endpoint.Trim();
            }
        }

        return environment;
    }

    /// <summary>
    /// Finishes the environment: removes stale SDK variables and NODE_OPTIONS, then switches on SDK mode when a payload is
    /// used. With a payload the CLI needs no token or service-account key in its environment, and every tool it runs would
    /// inherit one: so every variable that holds the secret, whatever its name, is removed, and so are the variables the
    /// official SDKs read them from.
    /// </summary>
    public static Dictionary<string, string?> Finish(Dictionary<string, string?> environment, string? payloadPath, QoderAuth auth)
    {
        environment.Remove(EntrypointVariable);
        environment.Remove(VersionVariable);
        environment.Remove(PayloadVariable);

        // Host flags such as --inspect or --require must never reach the CLI.
        environment.Remove("NODE_OPTIONS");
        if (payloadPath is not null)
        {
            var secret = auth.Kind == QoderAuthKind.AccessToken || (auth.Kind == QoderAuthKind.ServiceAccount && auth.FetchToken is null)
                ? auth.ResolveToken(environment)
                : null;
            RemoveSecret(environment, secret);
            environment.Remove(QoderAuth.DefaultAccessTokenVariable);

            // A service-account key never reaches the CLI's tools: neither the usual variable nor the one it was read from.
            environment.Remove(QoderAuth.DefaultServiceAccountKeyVariable);
            if (auth.Kind == QoderAuthKind.ServiceAccount && auth.EnvironmentVariable is { } keyVariable)
            {
                environment.Remove(keyVariable);
            }
            environment[EntrypointVariable] = QoderCliDefaults.SdkEntrypoint;
            environment[VersionVariable] = QoderCliDefaults.SdkVersion;
            environment[LanguageVariable] = "csharp";
            environment[PayloadVariable] = payloadPath;
        }

        return environment;
    }

    private static void RemoveSecret(Dictionary<string, string?> environment, string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return;
        }

        // A short secret would match unrelated values by chance (PATH, say), so only long ones are searched for inside values.
        var searchInside = secret.Length >= MinimumSearchableSecretLength;
        foreach (var (name, value) in environment.ToList())
        {
            if (value is not null && (searchInside ? value.Contains(secret, StringComparison.Ordinal) : value == secret))
            {
                environment.Remove(name);
            }
        }
    }
}
