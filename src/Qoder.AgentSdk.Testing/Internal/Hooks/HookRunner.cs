using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Control;
using Qoder.AgentSdk.Testing.Internal.Session;

namespace Qoder.AgentSdk.Testing.Internal.Hooks;

/// <summary>The hooks the host registered at initialize, called back with <c>hook_callback</c> control requests.</summary>
internal sealed class HookRunner(SessionState state, SessionOutput output, OutboundControlRequests outbound)
{
    private readonly Dictionary<string, List<HookRegistration>> _hooks = new(StringComparer.Ordinal);

    /// <summary>Takes initialize's <c>hooks</c> (event name → matcher entries); a later registration of an event replaces the earlier.</summary>
    public void Register(JsonObject? hooks)
    {
        if (hooks is null)
        {
            return;
        }

        foreach (var (eventName, value) in hooks)
        {
            if (value is not JsonArray matchers)
            {
                continue;
            }

            var list = new List<HookRegistration>();
            foreach (var entry in matchers.OfType<JsonObject>())
            {
                var ids = (entry["hookCallbackIds"] as JsonArray)?.Select(Wire.Str).OfType<string>().ToList() ?? [];
                var timeout = entry["timeout"] is JsonValue t && t.TryGetValue<double>(out var seconds) ? seconds : 600;
                list.Add(new HookRegistration(Wire.Str(entry["matcher"]), ids, TimeSpan.FromSeconds(timeout)));
            }

            _hooks[eventName] = list;
        }
    }

    /// <summary>Calls every matching callback of <paramref name="eventName"/> in turn; returns the outputs of those that answered.</summary>
    public async Task<List<JsonObject>> RunAsync(string eventName, string? matchValue, JsonObject fields, string? toolUseId, CancellationToken ct)
    {
        var outputs = new List<JsonObject>();
        if (!_hooks.TryGetValue(eventName, out var registrations))
        {
            return outputs;
        }

        var toolEvent = fields.ContainsKey("tool_name");
        foreach (var registration in registrations.Where(r => HookMatcher.Matches(r.Matcher, matchValue, toolEvent)))
        {
            foreach (var callbackId in registration.CallbackIds)
            {
                var request = new JsonObject
                {
                    ["subtype"] = "hook_callback",
                    ["callback_id"] = callbackId,
                    ["input"] = Input(eventName, (JsonObject)fields.DeepClone()),
                };
                if (toolUseId is not null)
                {
                    request["tool_use_id"] = toolUseId;
                }

                var answer = await outbound.RequestAsync(request, ct, timeout: registration.Timeout).ConfigureAwait(false);
                if (!answer.IsError && answer.Body is not null)
                {
                    outputs.Add(answer.Body);
                }
            }
        }

        return outputs;
    }

    /// <summary>A scripted <c>hook_event</c> step: the matcher is tested against the tool name, else the trigger or source.</summary>
    public async Task PlayScriptedEventAsync(string eventName, JsonObject input, CancellationToken ct)
    {
        var matchValue = Wire.Str(input["tool_name"]) ?? Wire.Str(input["trigger"]) ?? Wire.Str(input["source"]);
        var outputs = await RunAsync(eventName, matchValue, (JsonObject)input.DeepClone(), Wire.Str(input["tool_use_id"]), ct).ConfigureAwait(false);
        state.Record?.Write("hook_event", new JsonObject { ["event"] = eventName, ["outputs"] = new JsonArray([.. outputs.Select(o => o.DeepClone())]) });
    }

    /// <summary>SessionEnd callbacks go out as the process ends, every matcher included and no answer awaited.</summary>
    public async Task NotifySessionEndAsync()
    {
        if (!_hooks.TryGetValue("SessionEnd", out var sessionEnd))
        {
            return;
        }

        foreach (var registration in sessionEnd)
        {
            foreach (var id in registration.CallbackIds)
            {
                await output.WriteAsync(new JsonObject
                {
                    ["type"] = "control_request",
                    ["request_id"] = Wire.NewId(),
                    ["request"] = new JsonObject { ["subtype"] = "hook_callback", ["callback_id"] = id, ["input"] = Input("SessionEnd", new() { ["reason"] = "other" }) },
                }).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The common hook input fields, then <paramref name="fields"/> (moved, not copied).</summary>
    private JsonObject Input(string eventName, JsonObject fields)
    {
        var input = new JsonObject
        {
            ["session_id"] = state.SessionId,
            ["transcript_path"] = state.Transcript.FilePath,
            ["cwd"] = state.Cwd,
            ["hook_event_name"] = eventName,
            ["permission_mode"] = state.PermissionMode == "bypassPermissions" ? "yolo" : state.PermissionMode,
        };
        foreach (var (name, value) in fields.ToList())
        {
            fields.Remove(name);
            input[name] = value;
        }

        return input;
    }
}
