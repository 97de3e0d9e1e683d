using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Session;

namespace Qoder.AgentSdk.Testing.Internal.Control;

/// <summary><c>set_permission_mode</c> and <c>set_model</c>: change the session's settings at once, even during a turn.</summary>
internal sealed class SessionSettingsHandler(SessionState state, SessionOutput output)
{
    private static readonly HashSet<string> WireModes = new(StringComparer.Ordinal)
    {
        "default", "acceptEdits", "bypassPermissions", "plan", "dontAsk", "auto",
    };

    public async Task SetPermissionModeAsync(string requestId, JsonObject request)
    {
        var mode = Wire.Str(request["mode"]);
        if (mode is null)
        {
            await output.RespondErrorAsync(requestId, "missing mode").ConfigureAwait(false);
            return;
        }

        if (!WireModes.Contains(mode))
        {
            await output.RespondErrorAsync(requestId, $"unknown permission_mode: {mode}").ConfigureAwait(false);
            return;
        }

        state.PermissionMode = mode;
        await output.WriteStampedAsync(new JsonObject { ["type"] = "system", ["subtype"] = "status", ["status"] = null, ["permissionMode"] = mode })
            .ConfigureAwait(false);
        await output.RespondSuccessAsync(requestId, null).ConfigureAwait(false);
    }

    /// <summary>An empty model restores the launch's (<c>--model</c>, else the scenario's).</summary>
    public async Task SetModelAsync(string requestId, JsonObject request)
    {
        if (!request.ContainsKey("model"))
        {
            await output.RespondErrorAsync(requestId, "missing model").ConfigureAwait(false);
            return;
        }

        var model = Wire.Str(request["model"]);
        state.Model = string.IsNullOrEmpty(model) ? state.Args.Get("model") ?? state.Scenario.Model : model;
        await output.RespondSuccessAsync(requestId, null).ConfigureAwait(false);
    }
}
