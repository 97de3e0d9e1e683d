using System.Text.Json;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.ModelPolicy;

namespace Qoder.AgentSdk.Control;

/// <summary>
/// Answers <c>get_model_policy</c> (pull mode): the host's <see cref="QoderAgentOptions.ResolveModel"/> within its
/// timeout, or the bare answer that leaves the CLI's choice when no resolver is set.
/// </summary>
internal static class ModelPolicyDispatcher
{
    public static async Task<JsonNode?> AnswerAsync(
        Func<QoderModelPolicyContext, CancellationToken, ValueTask<QoderModelPolicy?>>? resolveModel,
        TimeSpan timeout,
        TimeProvider time,
        JsonElement request,
        CancellationToken cancellationToken)
    {
        var answer = new JsonObject { ["type"] = "get_model_policy" };
        if (resolveModel is null)
        {
            return answer;
        }

        var context = new QoderModelPolicyContext
        {
            Purpose = JsonFields.String(request, "purpose") ?? "main",
            SessionId = JsonFields.String(request, "sessionId"),
            TurnIndex = JsonFields.Int(request, "turnIndex"),
            AgentId = JsonFields.String(request, "agentId"),
            AgentType = JsonFields.String(request, "agentType"),
            ResolvedModel = JsonFields.String(request, "resolvedModel"),
            AvailableModels = JsonFields.Array(request, "models"),
        };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        QoderModelPolicy? policy;
        try
        {
            policy = await resolveModel(context, deadline.Token).AsTask().WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && (ex is TimeoutException || (ex is OperationCanceledException && deadline.IsCancellationRequested)))
        {
            throw new QoderModelPolicyTimeoutException(timeout);
        }

        if (policy is null)
        {
            return answer;
        }

        if (policy.Parameters is { } parameters)
        {
            answer["parameters"] = parameters.DeepClone();
        }

        if (policy.CustomModel is { } custom)
        {
            answer["model"] = custom.Model;
            var wire = new JsonObject { ["provider"] = custom.Provider, ["api_key"] = custom.ApiKey, ["model"] = custom.Model };
            if (custom.Url is { } url)
            {
                wire["url"] = url.AbsoluteUri;
            }

            wire["style"] = custom.Style ?? "openai";
            if (custom.IsVl is { } isVl)
            {
                wire["isVl"] = isVl;
            }

            answer["custom_model"] = wire;
        }
        else if (policy.Model is { } model)
        {
            answer["model"] = model;
        }

        if (policy.TaskId?.Trim() is { Length: > 0 } taskId)
        {
            answer["task_id"] = taskId;
        }

        if (policy.SubTask?.Trim() is { Length: > 0 } subTask)
        {
            answer["sub_task"] = subTask;
        }

        return answer;
    }
}
