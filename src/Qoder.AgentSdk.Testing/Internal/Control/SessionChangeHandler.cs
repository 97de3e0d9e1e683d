using System.Text.Json;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Session;

namespace Qoder.AgentSdk.Testing.Internal.Control;

/// <summary>
/// Requests that change the running session (proxy, directories, flag settings, thinking budget, tasks, rewinds, the end),
/// answered between turns in the real CLI's shapes, plus <c>get_settings</c>, which reports what they changed.
/// </summary>
internal sealed class SessionChangeHandler(SessionState state, SessionOutput output, SessionExit exit, WorkQueue queue, UserMessageIntake users)
{
    private readonly Lock _gate = new();
    private readonly List<string> _directories = [state.Cwd];
    private readonly JsonObject _flagSettings = LaunchSettings(state);

    public Task SetProxyAsync(string requestId, JsonObject request) =>
        output.RespondSuccessAsync(requestId, new JsonObject { ["proxy"] = Wire.Str(request["proxy"]) is { Length: > 0 } proxy ? proxy : null });

    public Task AddDirectoriesAsync(string requestId, JsonObject request)
    {
        if (request["directories"] is not JsonArray requested)
        {
            return output.RespondErrorAsync(requestId, "missing directories");
        }

        var added = new JsonArray();
        var failed = new JsonArray();
        lock (_gate)
        {
            foreach (var path in requested.Select(Wire.Str).OfType<string>())
            {
                if (!Directory.Exists(path))
                {
                    failed.Add((JsonNode)new JsonObject { ["path"] = path, ["error"] = $"Directory does not exist: {path}" });
                    continue;
                }

                if (!_directories.Contains(path, StringComparer.Ordinal))
                {
                    _directories.Add(path);
                }

                added.Add((JsonNode?)path);
            }

            return output.RespondSuccessAsync(requestId, new JsonObject { ["added"] = added, ["failed"] = failed, ["directories"] = Wire.Strings(_directories) });
        }
    }

    public Task ApplyFlagSettingsAsync(string requestId, JsonObject request)
    {
        if (request["settings"] is not JsonObject settings)
        {
            return output.RespondErrorAsync(requestId, "missing settings");
        }

        lock (_gate)
        {
            foreach (var (key, value) in settings)
            {
                _flagSettings[key] = value?.DeepClone();
            }

            return output.RespondSuccessAsync(requestId, new JsonObject { ["applied"] = Applied() });
        }
    }

    public Task GetSettingsAsync(string requestId, JsonObject request)
    {
        lock (_gate)
        {
            var effective = (JsonObject)_flagSettings.DeepClone();
            effective["model"] = state.Model;
            effective["general"] = new JsonObject { ["defaultPermissionMode"] = state.PermissionMode };
            return output.RespondSuccessAsync(requestId, new JsonObject
            {
                ["sources"] = new JsonObject
                {
                    ["user"] = new JsonObject(),
                    ["workspace"] = new JsonObject(),
                    ["local"] = new JsonObject(),
                    ["flag"] = _flagSettings.DeepClone(),
                },
                ["effective"] = effective,
                ["applied"] = Applied(),
            });
        }
    }

    /// <summary>Requests answered with an empty success: the stand-in has nothing to change for them.</summary>
    public Task AcknowledgeAsync(string requestId, JsonObject request) => output.RespondSuccessAsync(requestId, null);

    public async Task EndSessionAsync(string requestId, JsonObject request)
    {
        await output.RespondSuccessAsync(requestId, null).ConfigureAwait(false);
        exit.Request(0, "end_session");
    }

    /// <summary>Only whole-session rewinds of an idle session to a message it received succeed.</summary>
    public Task RewindAsync(string requestId, JsonObject request)
    {
        var target = Wire.Str(request["user_message_id"]);
        if (target is null)
        {
            return output.RespondErrorAsync(requestId, "missing user_message_id");
        }

        var scope = Wire.Str(request["scope"]) ?? "both";
        var body = new JsonObject { ["targetUserMessageId"] = target, ["scope"] = scope };
        if (state.TurnCancellation is not null || !queue.IsEmpty)
        {
            body["status"] = "rejected";
            body["error"] = "Conversation rewind requires an idle session with no queued input.";
        }
        else if (!users.HasSeen(target))
        {
            body["status"] = "rejected";
            body["error"] = $"User message not found: {target}";
        }
        else
        {
            body["status"] = Wire.Bool(request["dry_run"]) == true ? "ready" : "success";
            body["removedMessageIds"] = new JsonArray(target);
            body["filesChanged"] = new JsonArray();
            body["insertions"] = 0;
            body["deletions"] = 0;
        }

        return output.RespondSuccessAsync(requestId, body);
    }

    public Task RewindFilesAsync(string requestId, JsonObject request)
    {
        var target = Wire.Str(request["user_message_id"]);
        if (target is null)
        {
            return output.RespondErrorAsync(requestId, "missing user_message_id");
        }

        return output.RespondSuccessAsync(requestId, users.HasSeen(target)
            ? new JsonObject { ["canRewind"] = true, ["filesChanged"] = new JsonArray(), ["insertions"] = 0, ["deletions"] = 0 }
            : new JsonObject { ["canRewind"] = false, ["error"] = $"no snapshot found for message {target}" });
    }

    private JsonObject Applied() => new()
    {
        ["effort"] = Wire.Str(_flagSettings["effort"]),
        ["ultracode"] = Wire.Bool(_flagSettings["ultracode"]) ?? false,
    };

    // The --settings argument when it is inline JSON (a path is not read: the stand-in has no settings files).
    private static JsonObject LaunchSettings(SessionState state)
    {
        try
        {
            return state.Args.Get("settings") is { } text && JsonNode.Parse(text) is JsonObject settings ? settings : new JsonObject();
        }
        catch (JsonException)
        {
            return new JsonObject();
        }
    }
}
