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

    /// <summary>
    /// Runs the callback and answers with its output. The CLI stops waiting for a hook after its timeout (the
    /// registration's, or <see cref="QoderHookMatcher.DefaultTimeoutSeconds"/>) and treats it as failed, so the
    /// callback's token is cancelled then. The answer after that is the default <c>{"continue":true}</c>: the CLI drops
    /// a late answer as an orphan, and if this clock runs ahead of the CLI's, continuing is what the CLI would have
    /// done on its own timeout anyway.
    /// </summary>
    public static async Task<JsonNode?> AnswerAsync(QoderHookCollection hooks, JsonElement request, CancellationToken cancellationToken)
    {
        var callbackId = HookJson.String(request, "callback_id");
        var (matcher, callback) = hooks.FindRegistration(callbackId) ?? throw new Control.ControlRequestRejectedException($"Unknown hook callback: {callbackId}");
        var input = QoderHookInput.Parse(HookJson.Element(request, "input") ?? default, HookJson.String(request, "tool_use_id"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(matcher.TimeoutSeconds ?? QoderHookMatcher.DefaultTimeoutSeconds));
        QoderHookOutput? output;
        try
        {
            // WaitAsync: a callback that ignores its token must not hold the answer past the timeout either.
            output = await callback(input, timeout.Token).AsTask().WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            output = null;
        }

        return output?.ToJson() ?? new JsonObject { ["continue"] = true };
    }
}
