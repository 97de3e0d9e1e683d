using Microsoft.Extensions.DependencyInjection;
using Qoder.AgentSdk;
using Qoder.AgentSdk.Evolution;
using Qoder.AgentSdk.Memory;

namespace Qoder.Extensions.Hosting.Callbacks;

/// <summary>
/// Binds the memory gate, the skill review gate and the artifacts resolver registered through the builder to a process's
/// lease. A gate needs custom mode: missing settings are created in custom mode, native ones are refused.
/// </summary>
internal static class FeatureGates
{
    /// <exception cref="QoderConfigurationException">A gate is registered while its feature is configured in native mode.</exception>
    public static void Bind(QoderAgentCallbacks callbacks, QoderAgentOptions options, LeaseScope lease)
    {
        if (callbacks.MemoryGate is { } memoryGate)
        {
            var memory = options.Memory ??= new QoderMemoryOptions { Mode = QoderMemoryMode.Custom };
            if (memory.Mode != QoderMemoryMode.Custom)
            {
                throw new QoderConfigurationException(nameof(QoderAgentOptions.Memory), "is in native mode, and AddMemoryGate needs custom mode (Qoder:Agent:Memory:Mode = Custom).");
            }

            var turn = (memory.Generation ??= new QoderMemoryGenerationOptions()).TurnComplete ??= new QoderMemoryTurnCompleteOptions();
            turn.ShouldGenerate = (input, cancellationToken) => lease.RunAsync(
                static (services, state, token) => ((IQoderMemoryGate)services.GetRequiredService(state.GateType)).ShouldGenerateAsync(state.Input, token),
                (GateType: memoryGate, Input: input),
                cancellationToken);
        }

        if (callbacks.SkillEvolutionGate is { } skillGate)
        {
            var skill = options.SkillEvolution ??= new QoderSkillEvolutionOptions { Mode = QoderSkillEvolutionMode.Custom };
            if (skill.Mode != QoderSkillEvolutionMode.Custom)
            {
                throw new QoderConfigurationException(nameof(QoderAgentOptions.SkillEvolution), "is in native mode, and AddSkillEvolutionGate needs custom mode (Qoder:Agent:SkillEvolution:Mode = Custom).");
            }

            var turn = skill.TurnComplete ??= new QoderSkillEvolutionTurnCompleteOptions();
            turn.ShouldReview = (input, cancellationToken) => lease.RunAsync(
                static (services, state, token) => ((IQoderSkillEvolutionGate)services.GetRequiredService(state.GateType)).ShouldReviewAsync(state.Input, token),
                (GateType: skillGate, Input: input),
                cancellationToken);
        }

        if (callbacks.ArtifactsResolver is { } resolverType)
        {
            options.ResolveSessionArtifacts = (request, cancellationToken) => lease.RunAsync(
                static (services, state, token) => ((IQoderSessionArtifactsResolver)services.GetRequiredService(state.ResolverType)).ResolveAsync(state.Request, token),
                (ResolverType: resolverType, Request: request),
                cancellationToken);
        }
    }
}
