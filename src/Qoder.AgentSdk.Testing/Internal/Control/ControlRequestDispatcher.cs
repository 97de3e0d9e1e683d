using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Initialize;
using Qoder.AgentSdk.Testing.Internal.Session;

namespace Qoder.AgentSdk.Testing.Internal.Control;

/// <summary>The one table of inbound control requests: subtype → handler, answered on arrival or queued between turns.</summary>
internal sealed class ControlRequestDispatcher
{
    private readonly SessionOutput _output;
    private readonly WorkQueue _queue;
    private readonly Dictionary<string, ControlRoute> _routes;

    public ControlRequestDispatcher(
        SessionOutput output, WorkQueue queue, Initializer initializer, InterruptHandler interrupt, CancelAsyncMessageHandler cancelAsyncMessage,
        SessionSettingsHandler settings, InfoRequestHandler info, ExtendedControlRoutes extended)
    {
        _output = output;
        _queue = queue;
        _routes = new(StringComparer.Ordinal)
        {
            ["initialize"] = ControlRoute.OnArrival(initializer.BeginAsync),
            ["interrupt"] = ControlRoute.OnArrival(interrupt.HandleAsync),
            ["set_permission_mode"] = ControlRoute.OnArrival(settings.SetPermissionModeAsync),
            ["set_model"] = ControlRoute.OnArrival(settings.SetModelAsync),
            ["cancel_async_message"] = ControlRoute.OnArrival(cancelAsyncMessage.HandleAsync),
            ["mcp_status"] = ControlRoute.BetweenTurns(info.McpStatusAsync),
            ["account_info"] = ControlRoute.BetweenTurns(info.AccountInfoAsync),
        };
        extended.AddTo(_routes);
    }

    /// <summary>A <c>control_request</c> frame from stdin: handled now, or queued (unknown subtypes too, to be refused in order).</summary>
    public async Task OnRequestAsync(JsonObject frame)
    {
        // The CLI validates the envelope strictly and silently drops anything else.
        if (HasUnknownEnvelopeKey(frame)
            || Wire.Str(frame["request_id"]) is not { } requestId
            || frame["request"] is not JsonObject request
            || (frame.ContainsKey("session_id") && string.IsNullOrEmpty(Wire.Str(frame["session_id"]))))
        {
            return;
        }

        var subtype = Subtype(request);
        if (string.IsNullOrEmpty(subtype))
        {
            return;
        }

        if (_routes.TryGetValue(subtype, out var route) && route.Immediate)
        {
            await route.Handle(requestId, request).ConfigureAwait(false);
        }
        else
        {
            _queue.Enqueue(new WorkItem(null, null, requestId, request));
        }
    }

    /// <summary>A queued control request, reached by the work loop.</summary>
    public Task HandleQueuedAsync(string requestId, JsonObject request)
    {
        var subtype = Subtype(request);
        return subtype is not null && _routes.TryGetValue(subtype, out var route)
            ? route.Handle(requestId, request)
            : _output.RespondErrorAsync(requestId, $"Unsupported control request type: \"{subtype}\"");
    }

    private static string? Subtype(JsonObject request) => Wire.Str(request["subtype"]) ?? Wire.Str(request["type"]);

    private static bool HasUnknownEnvelopeKey(JsonObject frame)
    {
        foreach (var property in frame)
        {
            if (property.Key is not ("type" or "request_id" or "request" or "session_id"))
            {
                return true;
            }
        }

        return false;
    }
}
