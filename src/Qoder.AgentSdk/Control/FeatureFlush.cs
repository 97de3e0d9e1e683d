using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Qoder.AgentSdk.Control;

/// <summary>
/// Before stdin is closed, waits for the memory generation and skill review the finished turns started
/// (<c>flush_memory</c>, <c>flush_skill_evolution</c>), as the official SDK does, so that their results are not lost with
/// the process. Only when the options sent a configuration and the CLI reported the feature enabled; failures are logged.
/// </summary>
internal static class FeatureFlush
{
    public static async Task BeforeEndAsync(ControlChannel channel, QoderAgentOptions options, JsonElement initializeResponse, ILogger logger)
    {
        var memory = FeatureConfigJson.Memory(options.Memory) is not null;
        var skill = FeatureConfigJson.Evolution(options.SkillEvolution) is not null;
        if (!(memory || skill) || !(Enabled(initializeResponse, "memory") || Enabled(initializeResponse, "evolution", "skill")))
        {
            return;
        }

        if (memory)
        {
            await FlushAsync(channel, "flush_memory", options.ControlRequestTimeout, logger).ConfigureAwait(false);
        }

        if (skill && StartupRequests.Advertises(initializeResponse, "skill_evolution_v1") && Enabled(initializeResponse, "evolution", "skill"))
        {
            await FlushAsync(channel, "flush_skill_evolution", options.ControlRequestTimeout, logger).ConfigureAwait(false);
        }
    }

    private static async Task FlushAsync(ControlChannel channel, string subtype, TimeSpan timeout, ILogger logger)
    {
        try
        {
            await channel.RequestAsync(ControlRequests.Simple(subtype), timeout, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is QoderException or OperationCanceledException or TimeoutException)
        {
            SdkLog.FlushBeforeEndFailed(logger, ex, subtype);
        }
    }

    private static bool Enabled(JsonElement response, params string[] path)
    {
        var node = response;
        foreach (var name in path)
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(name, out node))
            {
                return false;
            }
        }

        return node.ValueKind == JsonValueKind.Object && node.TryGetProperty("enabled", out var enabled) && enabled.ValueKind == JsonValueKind.True;
    }
}
