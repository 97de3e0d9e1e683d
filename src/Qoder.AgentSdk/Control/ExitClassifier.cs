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
    public static Exception? Classify(int exitCode, bool shutdownRequested, ResultMessage? lastResult, string stderrTail)
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
                $"qodercli could not authenticate ({reason ?? $"exit code {AuthenticationFailedExitCode}"}: {detail}). Check the Personal Access Token (QODER_PERSONAL_ACCESS_TOKEN, or Qoder:PersonalAccessToken when hosted) or the chosen QoderAuth.",
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

    private static string LastLine(string text)
    {
        var trimmed = text.TrimEnd();
        var index = trimmed.LastIndexOf('\n');
        var last = index < 0 ? trimmed : trimmed[(index + 1)..];
        return last.Length > 300 ? last[..300] : last;
    }
}
