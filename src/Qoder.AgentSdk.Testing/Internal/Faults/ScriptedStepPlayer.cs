using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Control;
using Qoder.AgentSdk.Testing.Internal.Hooks;
using Qoder.AgentSdk.Testing.Internal.Session;

namespace Qoder.AgentSdk.Testing.Internal.Faults;

/// <summary>
/// Plays the steps that are not model output: timing, raw messages, hook events and faults. They may stand at start-up,
/// at initialize, inside a turn or after its result; unknown step types are ignored.
/// </summary>
internal sealed class ScriptedStepPlayer(SessionState state, SessionOutput output, SessionExit exit, HookRunner hooks, ScriptedControlRequest controlRequests)
{
    public async Task PlayAllAsync(IEnumerable<QoderScenarioStep> steps, CancellationToken ct)
    {
        foreach (var step in steps)
        {
            await PlayAsync(step, ct).ConfigureAwait(false);
        }
    }

    public async Task PlayAsync(QoderScenarioStep step, CancellationToken ct)
    {
        switch (step.Type)
        {
            case "delay":
                await Task.Delay(step.DelayMs ?? 0, ct).ConfigureAwait(false);
                break;
            case "wait_for_interrupt":
                await WaitForInterruptAsync(ct).ConfigureAwait(false);
                break;
            case "emit" when step.Message is not null:
                await EmitAsync(step.Message).ConfigureAwait(false);
                break;
            case "control_request" when step.Message is not null:
                await controlRequests.SendAsync(step.Message, step.DelayMs, ct).ConfigureAwait(false);
                break;
            case "resolve_session_artifacts":
                await controlRequests.ResolveArtifactsAsync(output, ct).ConfigureAwait(false);
                break;
            case "hook_event" when step.Name is not null:
                await hooks.PlayScriptedEventAsync(step.Name, step.Input ?? [], ct).ConfigureAwait(false);
                break;
            case "crash":
                if (step.Text is not null)
                {
                    await output.WriteStderrAsync(step.Text.EndsWith('\n') ? step.Text : step.Text + "\n").ConfigureAwait(false);
                }

                exit.Request(step.ExitCode ?? 1, "crash");
                await SessionExit.StopHereAsync(state.Lifetime).ConfigureAwait(false);
                break;
            case "exit":
                exit.Request(step.ExitCode ?? 0, "exit_step");
                await SessionExit.StopHereAsync(state.Lifetime).ConfigureAwait(false);
                break;
            case "hang":
                output.Hang();
                await SessionExit.StopHereAsync(state.Lifetime).ConfigureAwait(false);
                break;
            case "raw_line":
                await output.WriteRawLineAsync(step.Text ?? "{this is not json").ConfigureAwait(false);
                break;
            case "oversized_line":
                await output.WriteBytesAsync(ProcessFaults.OversizedLine(step.Bytes ?? (17L * 1024 * 1024))).ConfigureAwait(false);
                break;
            case "stderr":
                await output.WriteStderrAsync(step.Text ?? string.Empty).ConfigureAwait(false);
                break;
            case "stderr_flood":
                await ProcessFaults.FloodStderrAsync(output.Stderr, step.Bytes ?? (10L * 1024 * 1024), state.Lifetime).ConfigureAwait(false);
                break;
            case "spawn_grandchild":
                ProcessFaults.SpawnGrandchild(step.InheritStdio ?? true, state.Record);
                break;
            default:
                break;
        }
    }

    // Ends only by cancellation: an interrupt, or stdin EOF (which the reader turns into one while this waits).
    private async Task WaitForInterruptAsync(CancellationToken ct)
    {
        state.WaitingForInterrupt = true;
        try
        {
            if (state.StdinClosed)
            {
                throw new OperationCanceledException(ct);
            }

            await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
        }
        finally
        {
            state.WaitingForInterrupt = false;
        }
    }

    /// <summary>A scripted message, given a uuid and the session id unless it brings its own.</summary>
    private Task EmitAsync(JsonObject scripted)
    {
        var message = (JsonObject)scripted.DeepClone();
        if (!message.ContainsKey("uuid"))
        {
            message["uuid"] = Wire.NewId();
        }

        if (!message.ContainsKey("session_id"))
        {
            message["session_id"] = state.SessionId;
        }

        return output.WriteAsync(message);
    }
}
