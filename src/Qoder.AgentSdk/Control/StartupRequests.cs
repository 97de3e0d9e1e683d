using System.Text.Json;

namespace Qoder.AgentSdk.Control;

/// <summary>The control requests sent after <c>initialize</c> and before the first prompt: the initial plan mode and goal turn limit.</summary>
internal static class StartupRequests
{
    public const string PlanModeCapability = "plan_mode_v1";
    public const string GoalMaxTurnsCapability = "goal_max_turns_v1";

    /// <exception cref="QoderConfigurationException">An option needs a capability the CLI does not advertise.</exception>
    public static async Task SendAsync(ControlChannel channel, QoderAgentOptions options, JsonElement? initializeResponse, CancellationToken cancellationToken)
    {
        if (options.GoalMaxTurns is not null)
        {
            Require(initializeResponse, GoalMaxTurnsCapability, nameof(QoderAgentOptions.GoalMaxTurns));
        }

        if (options.PlanMode is { } active)
        {
            Require(initializeResponse, PlanModeCapability, nameof(QoderAgentOptions.PlanMode));
            await channel.RequestAsync(ControlRequests.SetPlanMode(active), options.ControlRequestTimeout, cancellationToken).ConfigureAwait(false);
        }

        if (options.GoalMaxTurns is { } turns)
        {
            await channel.RequestAsync(ControlRequests.SetGoalMaxTurns(turns), options.ControlRequestTimeout, cancellationToken).ConfigureAwait(false);
        }
    }

    public static bool Advertises(JsonElement? initializeResponse, string capability) =>
        initializeResponse is { ValueKind: JsonValueKind.Object } response
        && response.TryGetProperty("capabilities", out var capabilities)
        && capabilities.ValueKind == JsonValueKind.Array
        && capabilities.EnumerateArray().Any(c => c.ValueKind == JsonValueKind.String && c.GetString() == capability);

    private static void Require(JsonElement? initializeResponse, string capability, string option)
    {
        if (!Advertises(initializeResponse, capability))
        {
            throw new QoderConfigurationException(option, $"needs a CLI that advertises the {capability} capability, and this one does not; upgrade the CLI or leave {option} unset.");
        }
    }
}
