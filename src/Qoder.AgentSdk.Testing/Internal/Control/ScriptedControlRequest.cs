using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Session;

namespace Qoder.AgentSdk.Testing.Internal.Control;

/// <summary>
/// The <c>control_request</c> step: sends a scripted CLI→SDK request (<c>elicitation</c>, <c>fetch_job_token</c>,
/// <c>memory_should_generate</c>, …) and waits for the answer, which the recording keeps (event <c>control_answer</c>).
/// </summary>
internal sealed class ScriptedControlRequest(SessionState state, OutboundControlRequests outbound)
{
    public async Task SendAsync(JsonObject request, int? timeoutMs, CancellationToken ct)
    {
        var body = (JsonObject)request.DeepClone();
        var answer = await outbound.RequestAsync(
            body, ct, cancelOnWire: true, timeout: timeoutMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null).ConfigureAwait(false);
        state.Record?.Write("control_answer", new JsonObject
        {
            ["subtype"] = Wire.Str(body["subtype"]),
            ["response"] = answer.Body?.DeepClone(),
            ["error"] = answer.Error,
        });
    }
}
