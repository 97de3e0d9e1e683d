using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Session;

namespace Qoder.AgentSdk.Testing.Internal.Control;

/// <summary>
/// Pull mode (initialize with <c>modelPolicyProvider: true</c>): before each model call the stand-in asks the host with
/// <c>get_model_policy</c>, as the CLI does, within the CLI's 10 s, and uses the model the host names for that call.
/// </summary>
internal sealed class ModelPolicyClient(SessionState state, OutboundControlRequests outbound)
{
    private static readonly TimeSpan CliTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The model for the call (<see langword="null"/>: keep the session's), or the error that fails the call.</summary>
    public async Task<(string? Model, string? Error)> AskAsync(int turnIndex, CancellationToken ct)
    {
        var request = new JsonObject
        {
            ["subtype"] = "get_model_policy",
            ["purpose"] = "main",
            ["sessionId"] = state.SessionId,
            ["turnIndex"] = turnIndex,
            ["resolvedModel"] = state.Model,
            ["models"] = state.Scenario.ModelCatalog(),
        };
        var answer = await outbound.RequestAsync(request, ct, cancelOnWire: true, timeout: CliTimeout).ConfigureAwait(false);
        state.Record?.Write("model_policy", answer.IsError
            ? new JsonObject { ["error"] = answer.Error }
            : new JsonObject { ["model"] = Wire.Str(answer.Body?["model"]), ["custom_model"] = answer.Body?["custom_model"] is null ? null : "***" });
        return answer.IsError ? (null, answer.Error) : (Wire.Str(answer.Body?["model"]), null);
    }
}
