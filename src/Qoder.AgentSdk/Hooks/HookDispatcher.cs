using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qoder.AgentSdk;

/// <summary>Registers hooks on <c>initialize</c> and answers <c>hook_callback</c> by callback id.</summary>
internal static class HookDispatcher
{
    /// <summary>Builds <c>initialize.hooks</c>: event → [{hookCallbackIds, matcher?, timeout?}], or <see langword="null"/> without hooks.</summary>
    public static JsonObject? Registration(QoderHookCollection hooks)
    {
        if (hooks.Count == 0)
        {
            return null;
        }

        var registration = new JsonObject();
        foreach (var (matcher, ids) in hooks.Registrations())
        {
            var name = matcher.Event.ToWireName();
            if (registration[name] is not JsonArray entries)
            {
                entries = [];
                registration[name] = entries;
            }

            var entry = new JsonObject { ["hookCallbackIds"] = new JsonArray([.. ids.Select(id => (JsonNode?)id)]) };
            if (!string.IsNullOrEmpty(matcher.Matcher))
            {
                entry["matcher"] = matcher.Matcher;
            }

            if (matcher.TimeoutSeconds is { } timeout)
            {
                entry["timeout"] = timeout;
            }

            entries.Add((JsonNode)entry);
        }

        return registration;
    }

    public static async Task<JsonNode?> AnswerAsync(QoderHookCollection hooks, JsonElement request, CancellationToken cancellationToken)
    {
        var callbackId = HookJson.String(request, "callback_id");
        var callback = hooks.Find(callbackId) ?? throw new InvalidOperationException($"Unknown hook callback: {callbackId}");
        var input = QoderHookInput.Parse(HookJson.Element(request, "input") ?? default, HookJson.String(request, "tool_use_id"));
        var output = await callback(input, cancellationToken).ConfigureAwait(false);
        return output?.ToJson() ?? new JsonObject { ["continue"] = true };
    }
}
