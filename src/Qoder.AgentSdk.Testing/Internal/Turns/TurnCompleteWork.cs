using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Control;
using Qoder.AgentSdk.Testing.Internal.Session;

namespace Qoder.AgentSdk.Testing.Internal.Turns;

/// <summary>
/// What the CLI does when a turn completes with SDK memory or skill evolution configured in <c>initialize</c>: asks the
/// host's gate announced by callback id (<c>memory_should_generate</c>, <c>skill_evolution_should_review</c>) and reports
/// the outcome (<c>system/memory_generation</c>, <c>system/skill_evolution</c>): <c>skipped</c> when the gate says no or
/// fails, <c>no_change</c> otherwise (the stand-in writes no memory). Answers are recorded as <c>control_answer</c>.
/// </summary>
internal sealed class TurnCompleteWork(SessionState state, SessionOutput output, OutboundControlRequests outbound)
{
    private const int DefaultReviewThreshold = 5;

    private int _memoryTurns;
    private int _skillTurns;

    public static int ReviewThreshold(JsonObject skill) =>
        (int?)(skill["generation"]?["turnComplete"]?["reviewThreshold"] as JsonValue) is { } threshold && threshold > 0 ? threshold : DefaultReviewThreshold;

    public async Task RunAsync(string prompt, string response, CancellationToken ct)
    {
        if (state.MemoryConfig is { } memory && Wire.Bool(memory["generation"]?["enabled"]) != false
            && Wire.Bool(memory["generation"]?["turnComplete"]?["enabled"]) != false)
        {
            _memoryTurns++;
            var gateId = Wire.Str(memory["generation"]?["turnComplete"]?["shouldGenerateCallbackId"]);
            var (run, reason) = gateId is null ? (true, null) : await AskAsync("memory_should_generate", gateId, _memoryTurns, prompt, response, ct).ConfigureAwait(false);
            await output.WriteStampedAsync(new JsonObject
            {
                ["type"] = "system",
                ["subtype"] = "memory_generation",
                ["result"] = new JsonObject
                {
                    ["status"] = run ? "no_change" : "skipped",
                    ["attemptId"] = Wire.NewId(),
                    ["reason"] = reason,
                    ["origin"] = "turn_complete",
                    ["writtenFiles"] = new JsonArray(),
                    ["failedFiles"] = new JsonArray(),
                    ["durationMs"] = 0,
                },
            }).ConfigureAwait(false);
        }

        if (state.SkillEvolutionConfig is { } skill && ++_skillTurns % ReviewThreshold(skill) == 0)
        {
            var gateId = Wire.Str(skill["generation"]?["turnComplete"]?["shouldReviewCallbackId"]);
            var (run, reason) = gateId is null ? (true, null) : await AskAsync("skill_evolution_should_review", gateId, _skillTurns, prompt, response, ct).ConfigureAwait(false);
            await output.WriteStampedAsync(new JsonObject
            {
                ["type"] = "system",
                ["subtype"] = "skill_evolution",
                ["result"] = new JsonObject
                {
                    ["status"] = run ? "no_change" : "skipped",
                    ["attemptId"] = Wire.NewId(),
                    ["reason"] = reason,
                    ["origin"] = "turn_complete",
                    ["suggestions"] = new JsonArray(),
                    ["durationMs"] = 0,
                },
            }).ConfigureAwait(false);
        }
    }

    private async Task<(bool Run, string? Reason)> AskAsync(string subtype, string callbackId, int turnIndex, string prompt, string response, CancellationToken ct)
    {
        var request = new JsonObject
        {
            ["subtype"] = subtype,
            ["callbackId"] = callbackId,
            ["input"] = new JsonObject
            {
                ["sessionId"] = state.SessionId,
                ["turnIndex"] = turnIndex,
                ["cwd"] = state.Cwd,
                ["prompt"] = prompt,
                ["response"] = response,
            },
        };
        var answer = await outbound.RequestAsync(request, ct, cancelOnWire: true).ConfigureAwait(false);
        state.Record?.Write("control_answer", new JsonObject { ["subtype"] = subtype, ["response"] = answer.Body?.DeepClone(), ["error"] = answer.Error });
        if (answer.IsError)
        {
            return (false, answer.Error);
        }

        return (Wire.Bool(answer.Body?["run"]) == true, Wire.Str(answer.Body?["reason"]));
    }
}
