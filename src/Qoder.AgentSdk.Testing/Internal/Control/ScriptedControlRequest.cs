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

    /// <summary>
    /// The <c>resolve_session_artifacts</c> step: when initialize enabled it, asks the host for its artifact snapshot and,
    /// on success, announces it in <c>artifacts_update</c> (the wire's snake-case fields) as the CLI replaces its own.
    /// </summary>
    public async Task ResolveArtifactsAsync(SessionOutput output, CancellationToken ct)
    {
        if (!state.ArtifactsFromHost)
        {
            return;
        }

        var request = new JsonObject { ["subtype"] = "resolve_session_artifacts", ["local_session_id"] = state.SessionId, ["cwd"] = state.Cwd };
        var answer = await outbound.RequestAsync(request, ct, cancelOnWire: true).ConfigureAwait(false);
        state.Record?.Write("control_answer", new JsonObject
        {
            ["subtype"] = "resolve_session_artifacts",
            ["response"] = answer.Body?.DeepClone(),
            ["error"] = answer.Error,
        });
        if (answer.IsError || answer.Body?["artifacts"] is not JsonArray artifacts)
        {
            return;
        }

        var onWire = new JsonArray();
        foreach (var artifact in artifacts.OfType<JsonObject>())
        {
            var item = new JsonObject();
            foreach (var (name, value) in artifact)
            {
                item[name switch { "displayPath" => "display_path", "relativePath" => "relative_path", "isNew" => "is_new", _ => name }] = value?.DeepClone();
            }

            onWire.Add((JsonNode)item);
        }

        await output.WriteStampedAsync(new JsonObject { ["type"] = "system", ["subtype"] = "artifacts_update", ["artifacts"] = onWire }).ConfigureAwait(false);
    }
}
