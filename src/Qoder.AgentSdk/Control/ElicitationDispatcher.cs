using System.Text.Json;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Elicitation;

namespace Qoder.AgentSdk.Control;

/// <summary>Answers <c>elicitation</c> (and the legacy <c>elicitation_response</c>): the host's handler, or <c>cancel</c> without one.</summary>
internal static class ElicitationDispatcher
{
    public static async Task<JsonNode?> AnswerAsync(
        Func<QoderElicitationRequest, CancellationToken, ValueTask<QoderElicitationResult>>? onElicitation,
        JsonElement request,
        CancellationToken cancellationToken)
    {
        if (onElicitation is null)
        {
            return new JsonObject { ["action"] = "cancel" };
        }

        var elicitation = new QoderElicitationRequest
        {
            ServerName = JsonFields.String(request, "mcp_server_name") ?? string.Empty,
            Message = JsonFields.String(request, "message") ?? JsonFields.String(request, "prompt") ?? string.Empty,
            Mode = JsonFields.String(request, "mode"),
            Url = JsonFields.String(request, "url"),
            ElicitationId = JsonFields.String(request, "elicitation_id"),
            RequestedSchema = JsonFields.Object(request, "requested_schema"),
            Title = JsonFields.String(request, "title"),
            DisplayName = JsonFields.String(request, "display_name"),
            Description = JsonFields.String(request, "description"),
        };
        var result = await onElicitation(elicitation, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The elicitation handler returned null; return QoderElicitationResult.Cancel() to dismiss.");
        var answer = new JsonObject
        {
            ["action"] = result.Action switch
            {
                QoderElicitationAction.Accept => "accept",
                QoderElicitationAction.Decline => "decline",
                _ => "cancel",
            },
        };
        if (result.Content is { } content)
        {
            answer["content"] = content.DeepClone();
        }

        return answer;
    }
}
