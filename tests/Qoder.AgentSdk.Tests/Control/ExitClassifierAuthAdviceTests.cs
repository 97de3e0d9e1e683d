using Qoder.AgentSdk.Control;

namespace Qoder.AgentSdk.Tests.Control;

/// <summary>An exit with code 41 names the credentials the CLI was actually given.</summary>
public sealed class ExitClassifierAuthAdviceTests
{
    [Theory]
    [InlineData(QoderAuthKind.ServiceAccount, "service account key")]
    [InlineData(QoderAuthKind.JobToken, "job tokens")]
    [InlineData(QoderAuthKind.QoderCliLogin, "qodercli login")]
    public void A_service_account_job_token_or_login_failure_does_not_mention_the_personal_access_token(QoderAuthKind kind, string named)
    {
        var error = Assert.IsType<QoderAuthenticationException>(ExitClassifier.Classify(ExitClassifier.AuthenticationFailedExitCode, false, null, string.Empty, kind));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Personal Access Token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_access_token_failure_points_at_the_personal_access_token()
    {
        var error = Assert.IsType<QoderAuthenticationException>(ExitClassifier.Classify(ExitClassifier.AuthenticationFailedExitCode, false, null, string.Empty, QoderAuthKind.AccessToken));

        Assert.Contains("Personal Access Token", error.Message, StringComparison.Ordinal);
    }
}
