using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Qoder.AgentSdk.Control;

/// <summary>Answers <c>can_use_tool</c>: the callback's decision, or a denial that says why when there is none or it fails.</summary>
internal static class ToolPermissionDispatcher
{
    public static async Task<JsonNode?> AnswerAsync(
        Func<QoderToolPermissionRequest, CancellationToken, ValueTask<QoderToolPermissionResult>>? callback,
        JsonElement request,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var permissionRequest = new QoderToolPermissionRequest(request);
        QoderToolPermissionResult result;
        if (callback is null)
        {
            result = QoderToolPermissionResult.Deny("No tool permission handler is configured in this host.");
        }
        else
        {
            try
            {
                result = await callback(permissionRequest, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                SdkLog.HandlerFailed(logger, ex, "can_use_tool", permissionRequest.ToolUseId ?? "?");
                result = QoderToolPermissionResult.Deny(HostCallbackError.Message);
            }
        }

        return ToResponse(permissionRequest, result);
    }

    internal static JsonObject ToResponse(QoderToolPermissionRequest request, QoderToolPermissionResult result)
    {
        var response = new JsonObject();
        if (result.IsAllowed)
        {
            response["behavior"] = "allow";
            response["updatedInput"] = JsonNode.Parse((result.UpdatedInput ?? request.Input).GetRawText());
            if (result.UpdatedPermissions is { } permissions)
            {
                response["updatedPermissions"] = JsonNode.Parse(permissions.GetRawText());
            }
        }
        else
        {
            response["behavior"] = "deny";
            response["message"] = result.Message;
            response["interrupt"] = result.Interrupt;
        }

        if (request.ToolUseId is not null)
        {
            response["toolUseID"] = request.ToolUseId;
        }

        return response;
    }
}
