using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Control;

/// <summary>
/// Answers the CLI→SDK requests whose callbacks this client does not register (<c>memory_should_generate</c>,
/// <c>skill_evolution_should_review</c>, <c>resolve_session_artifacts</c>) the way the official SDK does when the
/// matching option is not set: an error naming what is missing, so the CLI takes its own default path.
/// </summary>
internal static class UnconfiguredRequests
{
    public static Task<JsonNode?> AnswerAsync(string subtype, JsonElement request) => subtype switch
    {
        "memory_should_generate" => throw Unknown(request, "Memory shouldGenerate", "memory shouldGenerate"),
        "skill_evolution_should_review" => throw Unknown(request, "Skill evolution shouldReview", "skill evolution shouldReview"),
        _ => throw new ControlRequestRejectedException("resolve_session_artifacts_unavailable", "No resolveSessionArtifacts callback configured"),
    };

    private static ControlRequestRejectedException Unknown(JsonElement request, string what, string whatInSentence) =>
        JsonFields.String(request, "callbackId") is { Length: > 0 } id
            ? new ControlRequestRejectedException($"Unknown {whatInSentence} callback: {id}")
            : new ControlRequestRejectedException($"{what} request missing callbackId");
}
