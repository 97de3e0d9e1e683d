using System.Text.Json;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Session;

namespace Qoder.AgentSdk.Testing.Internal.Auth;

/// <summary>
/// SDK mode's authentication: the payload file named by <c>QODER_SDK_AUTH_PAYLOAD_FILE</c> is read, deleted and
/// validated before anything else; a bad payload, or a scripted auth failure, ends the process with a fatal result.
/// </summary>
internal sealed class SdkAuthenticator(SessionState state, SessionOutput output, SessionExit exit)
{
    private const int InvalidPayloadExitCode = 41;

    /// <summary>True when the session may go on; otherwise the exit is already requested.</summary>
    public async Task<bool> AuthenticateAsync()
    {
        var path = state.Environment.GetValueOrDefault("QODER_SDK_AUTH_PAYLOAD_FILE");
        if (string.IsNullOrEmpty(path))
        {
            return await FailAsync("auth_payload_missing", "SDK mode requires QODER_SDK_AUTH_PAYLOAD_FILE", InvalidPayloadExitCode).ConfigureAwait(false);
        }

        string text;
        try
        {
            text = await File.ReadAllTextAsync(path).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return await FailInvalidAsync("SDK auth payload file not found").ConfigureAwait(false);
        }

        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The real CLI also carries on when it cannot unlink the payload.
        }

        JsonNode? payload;
        try
        {
            payload = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return await FailInvalidAsync("SDK auth payload is not valid JSON").ConfigureAwait(false);
        }

        if (payload is not JsonObject obj)
        {
            return await FailInvalidAsync("SDK auth payload must be a JSON object").ConfigureAwait(false);
        }

        var type = Wire.Str(obj["type"]);
        state.AuthPayloadType = type;
        state.Record?.Write("auth", new JsonObject { ["payload_type"] = type });
        state.TokenFromHost = Wire.Str(obj["jobTokenProvider"]) == "host" || Wire.Str(obj["serviceAccountTokenProvider"]) == "host";
        if (PayloadError(type, obj) is { } error)
        {
            return await FailInvalidAsync(error).ConfigureAwait(false);
        }

        if (state.Scenario.AuthFailure is { } failure)
        {
            return await FailAsync(failure.TerminalReason, failure.Message, failure.ExitCode).ConfigureAwait(false);
        }

        return true;
    }

    private static string? PayloadError(string? type, JsonObject payload) => type switch
    {
        "accessToken" => string.IsNullOrEmpty(Wire.Str(payload["accessToken"])) ? "accessToken payload missing or empty accessToken field" : null,
        "qodercli" => null,
        "jobToken" => Wire.Str(payload["jobTokenProvider"]) == "host" ? null : "jobToken payload requires jobTokenProvider: \"host\"",
        "serviceAccount" => (payload["serviceAccountKey"] is null) == (Wire.Str(payload["serviceAccountTokenProvider"]) != "host")
            ? "serviceAccount payload requires exactly one credential source"
            : null,
        _ => $"Unknown auth payload type: {type}",
    };

    private Task<bool> FailInvalidAsync(string message) => FailAsync("auth_payload_invalid", message, InvalidPayloadExitCode);

    private async Task<bool> FailAsync(string reason, string message, int exitCode)
    {
        await output.WriteAsync(Wire.FatalResult(state.SessionId, message, reason)).ConfigureAwait(false);
        exit.Request(exitCode, "auth_failure");
        return false;
    }
}
