using System.Text.Json;

namespace Qoder.AgentSdk.Control;

/// <summary>A control request this client sent, waiting for the CLI's answer.</summary>
/// <param name="subtype">The request's subtype, for errors.</param>
internal sealed class PendingRequest(string subtype) : TaskCompletionSource<JsonElement?>(TaskCreationOptions.RunContinuationsAsynchronously)
{
    public string Subtype { get; } = subtype;
}
