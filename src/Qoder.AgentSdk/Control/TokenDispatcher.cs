using System.Text.Json;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Auth;

namespace Qoder.AgentSdk.Control;

/// <summary>
/// Answers <c>fetch_job_token</c> and <c>fetch_service_account_token</c> with the token the host's
/// <see cref="QoderAuth.FetchToken"/> returns. The token goes into the answer only; it is never logged.
/// </summary>
internal static class TokenDispatcher
{
    // Expiry times before this (2001-09-09) are seconds, not milliseconds: the CLI would read them as long expired.
    private const long MinimumExpiryMilliseconds = 1_000_000_000_000;

    public static async Task<JsonNode?> AnswerAsync(QoderAuth auth, string subtype, JsonElement request, CancellationToken cancellationToken)
    {
        var jobToken = subtype == "fetch_job_token";
        var code = jobToken ? "job_token_unavailable" : "service_account_token_unavailable";
        var kind = jobToken ? QoderAuthKind.JobToken : QoderAuthKind.ServiceAccount;
        var what = jobToken ? "Job Token" : "Service Account token";
        if (auth.Kind != kind || auth.FetchToken is not { } fetch)
        {
            throw new ControlRequestRejectedException(code, $"No {what} callback is configured (QoderAuth.{(jobToken ? "JobToken" : "ServiceAccount")} with a token callback).");
        }

        var tokenRequest = new QoderTokenRequest(
            JsonFields.String(request, "reason") switch
            {
                "expiring" => QoderTokenRequestReason.Expiring,
                "unauthorized" => QoderTokenRequestReason.Unauthorized,
                _ => QoderTokenRequestReason.Initial,
            },
            JsonFields.String(request, "session_id"),
            JsonFields.Strings(request, "required_scopes"));
        var token = await fetch(tokenRequest, cancellationToken).ConfigureAwait(false)
            ?? throw new ControlRequestRejectedException(code, $"The host did not provide a {what}.");
        var answer = new JsonObject { ["token"] = token.Token };
        if (token.ExpiresAt is { } expiresAt)
        {
            var milliseconds = expiresAt.ToUnixTimeMilliseconds();
            if (milliseconds < MinimumExpiryMilliseconds)
            {
                throw new ControlRequestRejectedException(code, "The token's expiry is before 2001; it must be an absolute time.");
            }

            answer["expires_at"] = milliseconds;
        }

        return answer;
    }
}
