using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Control;
using Qoder.AgentSdk.Testing.Internal.Faults;
using Qoder.AgentSdk.Testing.Internal.Hooks;
using Qoder.AgentSdk.Testing.Internal.Mcp;
using Qoder.AgentSdk.Testing.Internal.Session;

namespace Qoder.AgentSdk.Testing.Internal.Initialize;

/// <summary>
/// The <c>initialize</c> control request: scripted steps, hooks, options, SDK MCP servers and the job token, then
/// system/init and the response. It runs beside the stdin reader (an interrupt can cancel it) while queued work waits for it.
/// </summary>
internal sealed class Initializer(
    SessionState state, SessionOutput output, ScriptedStepPlayer steps, HookRunner hooks, SdkMcpServers mcp, OutboundControlRequests outbound)
{
    private TaskCompletionSource _settled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _cancellation;

    public InitializeState State { get; private set; }

    /// <summary>The control handler: starts initialize and returns at its first wait, so the stdin reader goes on meanwhile.</summary>
    public Task BeginAsync(string requestId, JsonObject request)
    {
        if (State != InitializeState.None)
        {
            return output.RespondErrorAsync(requestId, "Already initialized");
        }

        State = InitializeState.Running;
        _settled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = RunAsync(requestId, request);
        return Task.CompletedTask;
    }

    /// <summary>Waits until a running initialize has succeeded or failed.</summary>
    public async Task WaitWhileRunningAsync(CancellationToken ct)
    {
        if (State == InitializeState.Running)
        {
            await _settled.Task.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    public void CancelIfRunning()
    {
        if (State == InitializeState.Running)
        {
            _cancellation?.Cancel();
        }
    }

    private async Task RunAsync(string requestId, JsonObject request)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(state.Lifetime);
        _cancellation = cts;
        try
        {
            await steps.PlayAllAsync(state.Scenario.OnInitialize, cts.Token).ConfigureAwait(false);
            hooks.Register(request["hooks"] as JsonObject);
            if (Wire.Bool(request["includePartialMessages"]) == true)
            {
                state.PartialMessages = true;
            }

            state.ModelPolicyPull = Wire.Bool(request["modelPolicyProvider"]) == true;
            state.MemoryConfig = request["memory"]?.DeepClone() as JsonObject;
            state.SkillEvolutionConfig = request["evolution"]?["skill"]?.DeepClone() as JsonObject;
            state.ArtifactsFromHost = Wire.Bool(request["resolveSessionArtifacts"]) == true;
            if (Wire.Str(request["model"]) is { Length: > 0 } model)
            {
                state.Model = model;
            }

            if (request["sdkMcpServers"] is JsonArray servers)
            {
                foreach (var name in servers.Select(Wire.Str).OfType<string>())
                {
                    await mcp.ConnectAsync(name, cts.Token).ConfigureAwait(false);
                }
            }

            if (state.TokenFromHost)
            {
                var fetch = state.AuthPayloadType == "jobToken"
                    ? new JsonObject { ["subtype"] = "fetch_job_token", ["reason"] = "initial", ["session_id"] = state.SessionId }
                    : new JsonObject { ["subtype"] = "fetch_service_account_token", ["reason"] = "initial", ["required_scopes"] = new JsonArray(), ["session_id"] = state.SessionId };
                var token = await outbound.RequestAsync(fetch, cts.Token, cancelOnWire: true).ConfigureAwait(false);
                if (token.IsError)
                {
                    State = InitializeState.None;
                    await output.RespondErrorAsync(requestId, token.Error!).ConfigureAwait(false);
                    return;
                }
            }

            await output.WriteAsync(InitMessages.SystemInit(state, mcp)).ConfigureAwait(false);
            await output.WriteStampedAsync(new JsonObject { ["type"] = "system", ["subtype"] = "artifacts_update", ["artifacts"] = new JsonArray() }).ConfigureAwait(false);
            State = InitializeState.Done;
            await output.RespondSuccessAsync(requestId, InitMessages.InitializeResponse(state)).ConfigureAwait(false);
            if (Wire.Bool(request["supportsAvailableModelsUpdate"]) == true)
            {
                await output.WriteStampedAsync(new JsonObject
                {
                    ["type"] = "system",
                    ["subtype"] = "available_models_update",
                    ["models"] = state.Scenario.ModelCatalog(),
                    ["currentModel"] = "",
                }).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!state.Lifetime.IsCancellationRequested)
        {
            State = InitializeState.None;
            await output.RespondErrorAsync(requestId, "Interrupted").ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Exiting.
        }
        finally
        {
            _cancellation = null;
            if (State != InitializeState.Done)
            {
                State = InitializeState.None;
            }

            _settled.TrySetResult();
        }
    }
}
