using Microsoft.Extensions.Logging;
using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk.Control;

/// <summary>
/// Hands <c>memory_generation</c>, <c>memory_consumption</c> and <c>skill_evolution</c> results to the callbacks of
/// <see cref="QoderAgentOptions.Memory"/> and <see cref="QoderAgentOptions.SkillEvolution"/> as they are read; a callback
/// that throws is logged and does not break the read loop.
/// </summary>
internal static class FeatureResultCallbacks
{
    /// <summary>Gets the observer for the options, or <see langword="null"/> when none of the callbacks is set.</summary>
    public static Action<QoderMessage>? For(QoderAgentOptions options, ILogger logger)
    {
        var generation = options.Memory?.Generation?.OnResult;
        var consumption = options.Memory?.Consumption?.OnResult;
        var skill = options.SkillEvolution?.OnResult;
        if (generation is null && consumption is null && skill is null)
        {
            return null;
        }

        return message =>
        {
            switch (message)
            {
                case MemoryGenerationMessage { Result: { } result } when generation is not null:
                    Run(generation, result, "Memory.Generation.OnResult", logger);
                    break;
                case MemoryConsumptionMessage { Result: { } result } when consumption is not null:
                    Run(consumption, result, "Memory.Consumption.OnResult", logger);
                    break;
                case SkillEvolutionMessage { Result: { } result } when skill is not null:
                    Run(skill, result, "SkillEvolution.OnResult", logger);
                    break;
            }
        };
    }

    private static void Run<T>(Action<T> callback, T result, string name, ILogger logger)
    {
        try
        {
            callback(result);
        }
        catch (Exception ex)
        {
            SdkLog.ResultCallbackFailed(logger, ex, name);
        }
    }
}
