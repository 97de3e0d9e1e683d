using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk.Control;

/// <summary>Decides whether the CLI's exit is orderly or the error every waiter should see (docs/process-lifecycle.md, "Shutdown").</summary>
internal static class ExitClassifier
{
    /// <summary>The CLI's exit code when it cannot authenticate (missing or invalid payload, rejected token, no login).</summary>
    public const int AuthenticationFailedExitCode = 41;

    /// <summary>The CLI's exit code when a turn failed and it reported that in an error result.</summary>
    public const int ErrorResultExitCode = 1;

    /// <summary>Classifies the exit.</summary>
    /// <param name="exitCode">The exit code.</param>
    /// <param name="shutdownRequested">Whether the client asked the CLI to stop.</param>
    /// <param name="lastResult">The main turn's last result, if any.</param>
    /// <param name="stderrTail">The end of the CLI's stderr.</param>
    /// <returns>The error, or <see langword="null"/> for an orderly exit.</returns>
    /// <param name="authKind">How the CLI was given its credentials: the message names those.</param>
    public static Exception? Classify(int exitCode, bool shutdownRequested, ResultMessage? lastResult, string stderrTail, QoderAuthKind authKind = QoderAuthKind.AccessToken)
    {
        // After the client asked the CLI to stop, any code is the one it asked for: 0 after EOF, 143 after our SIGTERM,
        // 137 after our kill. Without that request, 143 means someone else terminated the CLI: an error like any other.
        if (shutdownRequested)
        {
            return null;
        }

        if (exitCode == AuthenticationFailedExitCode)
        {
            var reason = lastResult?.TerminalReason;
            var detail = lastResult?.Errors is { Count: > 0 } errors ? errors[0] : "no detail";
            return new QoderAuthenticationException(
                $"qodercli could not authenticate ({reason ?? $"exit code {AuthenticationFailedExitCode}"}: {detail}). {CredentialAdvice(authKind)}",
                reason,
                exitCode);
        }

        if (exitCode == 0 || (exitCode == ErrorResultExitCode && lastResult is { IsError: true }))
        {
            return null;
        }

        return new QoderProcessExitedException(
            $"qodercli exited with code {exitCode}.{(string.IsNullOrWhiteSpace(stderrTail) ? string.Empty : " Its stderr ends with: " + LastLine(stderrTail))}",
            exitCode,
            stderrTail);
    }

    /// <summary>What to check, for the credentials the CLI was given: a service account or job token is never a Personal Access Token.</summary>
    /// <param name="authKind">How the CLI was given its credentials.</param>
    /// <returns>One sentence.</returns>
    public static string CredentialAdvice(QoderAuthKind authKind) => authKind switch
    {
        QoderAuthKind.ServiceAccount =>
            "Check the service account key (QoderAuth.ServiceAccount, or Qoder:ServiceAccountKey when hosted) or the tokens the host's provider returns (fetch_service_account_token).",
        QoderAuthKind.JobToken => "Check the job tokens the host's provider returns (fetch_job_token) and that they have not expired.",
        QoderAuthKind.QoderCliLogin or QoderAuthKind.Headless => "Log the CLI in (qodercli login) or choose another QoderAuth.",
        _ => "Check the Personal Access Token (QODER_PERSONAL_ACCESS_TOKEN, or Qoder:PersonalAccessToken when hosted) or the chosen QoderAuth.",
    };

    private static string LastLine(string text)
    {
        var trimmed = text.TrimEnd();
        var index = trimmed.LastIndexOf('\n');
        var last = index < 0 ? trimmed : trimmed[(index + 1)..];
        return last.Length > 300 ? last[..300] : last;
    }
}
