using System.Collections;

namespace Qoder.AgentSdk.Transport;

/// <summary>Builds the CLI's environment (docs/protocol.md, Launch): the host environment plus the overlay, stale SDK variables removed.</summary>
internal static class ChildEnvironment
{
    public const string EntrypointVariable = "QODER_AGENT_SDK_ENTRYPOINT";
    public const string VersionVariable = "QODER_AGENT_SDK_VERSION";
    public const string LanguageVariable = "QODER_AGENT_SDK_LANGUAGE";
    public const string PayloadVariable = "QODER_SDK_AUTH_PAYLOAD_FILE";

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

        return environment;
    }

    /// <summary>Finishes the environment: removes stale SDK variables and NODE_OPTIONS, then switches on SDK mode when a payload is used.</summary>
    public static Dictionary<string, string?> Finish(Dictionary<string, string?> environment, string? payloadPath)
    {
        environment.Remove(EntrypointVariable);
        environment.Remove(VersionVariable);
        environment.Remove(PayloadVariable);

        // Host flags such as --inspect or --require must never reach the CLI.
        environment.Remove("NODE_OPTIONS");
        if (payloadPath is not null)
        {
            environment[EntrypointVariable] = QoderCliDefaults.SdkEntrypoint;
            environment[VersionVariable] = QoderCliDefaults.SdkVersion;
            environment[LanguageVariable] = "csharp";
            environment[PayloadVariable] = payloadPath;
        }

        return environment;
    }
}
