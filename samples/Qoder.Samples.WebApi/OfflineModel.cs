using Qoder.AgentSdk;
using Qoder.Extensions.Hosting;

namespace Qoder.Samples.WebApi;

/// <summary>
/// Route A of the protocol notes: without a Personal Access Token the real qodercli runs headless, accepts external
/// auth and reads its model replies from <c>offline-model.jsonl</c>, so the sample works with no account and no network.
/// </summary>
public static class OfflineModel
{
    /// <summary>The response header that tells a caller which model answered.</summary>
    public const string ModeHeader = "X-Qoder-Mode";

    /// <summary>Gets a value indicating whether the sample runs on the scripted model.</summary>
    /// <param name="configuration">The app configuration.</param>
    /// <returns><see langword="true"/> unless <c>Sample:Offline</c> says otherwise or a token is configured.</returns>
    public static bool IsEnabled(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.GetValue<bool?>("Sample:Offline") is { } explicitly)
        {
            return explicitly;
        }

        return string.IsNullOrWhiteSpace(configuration["Qoder:PersonalAccessToken"])
            && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(QoderAuth.DefaultAccessTokenVariable));
    }

    /// <summary>Switches the agent to the scripted model when <see cref="IsEnabled"/> says so.</summary>
    /// <param name="agent">The agent builder.</param>
    /// <returns>The builder.</returns>
    public static IQoderAgentBuilder UseOfflineModelWhenNoToken(this IQoderAgentBuilder agent)
    {
        ArgumentNullException.ThrowIfNull(agent);

        // Deferred to options time so that test hosts' configuration overrides are seen.
        agent.Services.AddOptions<QoderHostingOptions>(agent.Name).Configure<IConfiguration>((options, configuration) =>
        {
            if (!IsEnabled(configuration))
            {
                return;
            }

            // Every pooled process reads the script from the start and answers one prompt: a model call with tool calls, then the final text.
            var home = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "qoder-samples-webapi-home")).FullName;
            options.Auth = QoderAuthMode.Headless;
            options.Agent.Auth = QoderAuth.Headless();
            options.Agent.Settings = """{"security":{"auth":{"useExternal":true}}}""";
            options.Agent.ExtraArgs["fake-responses"] = Path.Combine(AppContext.BaseDirectory, "offline-model.jsonl");
            options.Agent.Environment["HOME"] = home;
        });
        return agent;
    }
}
