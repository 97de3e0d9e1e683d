using Qoder.AgentSdk.Evolution;
using Qoder.AgentSdk.Memory;

namespace Qoder.AgentSdk.Control;

/// <summary>The checks the official SDK makes on <c>memory</c> and <c>evolution</c> before it starts the CLI.</summary>
internal static class FeatureOptionsValidator
{
    /// <exception cref="QoderConfigurationException">The memory or skill evolution settings are inconsistent.</exception>
    public static void Validate(QoderAgentOptions options)
    {
        if (options.Memory is { } memory)
        {
            ValidateMemory(memory);
        }

        if (options.SkillEvolution is { } skill)
        {
            ValidateSkill(skill);
        }
    }

    private static void ValidateMemory(QoderMemoryOptions memory)
    {
        const string Option = nameof(QoderAgentOptions.Memory);
        if (memory.Mode == QoderMemoryMode.Native)
        {
            Require(memory.ProjectScope != false || memory.UserScope != false, Option, "native mode needs the project or the user scope; leave Memory unset to turn SDK memory off.");
            var generation = memory.Generation;
            var consumption = memory.Consumption;
            Require(
                generation is null || (generation.Enabled is null && generation.Roots.Count == 0 && generation.Prompt is null && generation.TurnComplete is null),
                Option,
                "native mode accepts only Generation.OnResult; use QoderMemoryMode.Custom for generation overrides.");
            Require(
                consumption is null || (consumption.Enabled is null && consumption.Files.Count == 0 && consumption.MaxTokens is null && consumption.Overflow is null && consumption.FailureMode is null),
                Option,
                "native mode accepts only Consumption.OnResult; use QoderMemoryMode.Custom for consumption overrides.");
            return;
        }

        if (memory.Generation is { } g)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var root in g.Roots)
            {
                Require(!string.IsNullOrWhiteSpace(root.Id) && !string.IsNullOrWhiteSpace(root.Path), Option, "every Generation.Roots entry needs an Id and a Path.");
                Require(ids.Add(root.Id), Option, $"Generation.Roots holds the id \"{root.Id}\" twice.");
                if (root.IndexFile is { } index)
                {
                    var normalized = index.Replace('\\', '/');
                    Require(
                        !string.IsNullOrWhiteSpace(index) && !Path.IsPathRooted(index) && !normalized.StartsWith('/') && !normalized.Split('/').Contains(".."),
                        Option,
                        $"the IndexFile of root \"{root.Id}\" must be a relative path inside the root.");
                }
            }

            Require(g.Prompt is null || !string.IsNullOrWhiteSpace(g.Prompt), Option, "Generation.Prompt must not be empty.");
            Require(g.TurnComplete?.Timeout is not { } t || t > TimeSpan.Zero, Option, "Generation.TurnComplete.Timeout must be positive.");
            Require(!(g.TurnComplete?.Enabled == true && g.Enabled == false), Option, "Generation.TurnComplete cannot be enabled while Generation is disabled.");
        }

        if (memory.Consumption is { } c)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in c.Files)
            {
                Require(!string.IsNullOrWhiteSpace(file.Id) && !string.IsNullOrWhiteSpace(file.Path), Option, "every Consumption.Files entry needs an Id and a Path.");
                Require(ids.Add(file.Id), Option, $"Consumption.Files holds the id \"{file.Id}\" twice.");
            }

            Require(c.MaxTokens is null or > 0, Option, "Consumption.MaxTokens must be positive.");
        }
    }

    private static void ValidateSkill(QoderSkillEvolutionOptions skill)
    {
        const string Option = nameof(QoderAgentOptions.SkillEvolution);
        Require(
            skill.TurnComplete?.ReviewThreshold is null or (>= 1 and <= QoderSkillEvolutionConstants.MaxReviewThreshold),
            Option,
            $"TurnComplete.ReviewThreshold must be from 1 to {QoderSkillEvolutionConstants.MaxReviewThreshold}.");
        if (skill.Mode == QoderSkillEvolutionMode.Native)
        {
            var turn = skill.TurnComplete;
            Require(
                skill.Prompt is null && skill.MaxSuggestions is null && (turn is null || (turn.Enabled is null && turn.ShouldReview is null && turn.Timeout is null && turn.OnGateError is null)),
                Option,
                "native mode accepts only Enabled, OnResult and TurnComplete.ReviewThreshold; use QoderSkillEvolutionMode.Custom for the rest.");
            return;
        }

        Require(skill.Prompt is null || !string.IsNullOrWhiteSpace(skill.Prompt), Option, "Prompt must not be empty.");
        Require(skill.MaxSuggestions is null or (>= 1 and <= QoderSkillEvolutionConstants.MaxSuggestions), Option, $"MaxSuggestions must be from 1 to {QoderSkillEvolutionConstants.MaxSuggestions}.");
        Require(skill.TurnComplete?.Timeout is not { } t || t > TimeSpan.Zero, Option, "TurnComplete.Timeout must be positive.");
        Require(!(skill.TurnComplete?.Enabled != false && skill.TurnComplete is not null && skill.Enabled == false), Option, "TurnComplete cannot be enabled while Enabled is false.");
    }

    private static void Require(bool condition, string option, string message)
    {
        if (!condition)
        {
            throw new QoderConfigurationException(option, message);
        }
    }
}
