using System.Text.Json;
using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk.Control.Typed;

/// <summary>Reads the <c>initialize</c> response into <see cref="QoderInitializeResult"/>.</summary>
internal static class InitializeResult
{
    /// <summary>
    /// The typed response, or <see langword="null"/> when it is missing or not in the documented shape: a CLI that answers
    /// oddly still starts, and typed requests then leave the capability check to it.
    /// </summary>
    public static QoderInitializeResult? Read(JsonElement? response, string? cliVersion)
    {
        if (response is not { ValueKind: JsonValueKind.Object } body)
        {
            return null;
        }

        try
        {
            return body.Deserialize(QoderControlJsonContext.Default.QoderInitializeResult) is { } result ? result with { CliVersion = cliVersion } : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
