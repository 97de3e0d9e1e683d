using System.Text.Json;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Memory;

namespace Qoder.AgentSdk.Control;

/// <summary>
/// Answers <c>memory_should_generate</c> and <c>skill_evolution_should_review</c> with the gate announced under the
/// request's <c>callbackId</c>; without one, the official SDK's errors, so the CLI takes its own default path.
/// </summary>
internal static class TurnCompleteGateDispatcher
{
    public static async Task<JsonNode?> AnswerAsync(QoderAgentOptions options, string subtype, JsonElement request, CancellationToken cancellationToken)
    {
        var memory = subtype == "memory_should_generate";
        var (what, whatInSentence) = memory ? ("Memory shouldGenerate", "memory shouldGenerate") : ("Skill evolution shouldReview", "skill evolution shouldReview");
        if (JsonFields.String(request, "callbackId") is not { Length: > 0 } id)
        {
            throw new ControlRequestRejectedException($"{what} request missing callbackId");
        }

        var gate = memory
            ? (id == FeatureConfigJson.MemoryGateId && options.Memory is { Mode: QoderMemoryMode.Custom } m ? m.Generation?.TurnComplete?.ShouldGenerate : null)
            : (id == FeatureConfigJson.SkillReviewGateId && options.SkillEvolution is { Mode: Evolution.QoderSkillEvolutionMode.Custom, Enabled: not false } s ? s.TurnComplete?.ShouldReview : null);
        if (gate is null)
        {
            throw new ControlRequestRejectedException($"Unknown {whatInSentence} callback: {id}");
        }

        var result = await gate(Input(request), cancellationToken).ConfigureAwait(false)
            ?? throw new ControlRequestRejectedException($"{what} callback must return {{ run: boolean }}");
        var answer = new JsonObject { ["run"] = result.Run };
        if (result.Reason is not null)
        {
            answer["reason"] = result.Reason;
        }

        return answer;
    }

    private static QoderTurnCompleteGateInput Input(JsonElement request)
    {
        var input = JsonFields.Object(request, "input");
        if (input is not { } body)
        {
            return new QoderTurnCompleteGateInput();
        }

        return new QoderTurnCompleteGateInput
        {
            SessionId = JsonFields.String(body, "sessionId") ?? string.Empty,
            RequestId = JsonFields.String(body, "requestId"),
            RequestSetId = JsonFields.String(body, "requestSetId"),
            TurnIndex = JsonFields.Int(body, "turnIndex"),
            Cwd = JsonFields.String(body, "cwd") ?? string.Empty,
            Prompt = JsonFields.String(body, "prompt") ?? string.Empty,
            Response = JsonFields.String(body, "response") ?? string.Empty,
        };
    }
}
