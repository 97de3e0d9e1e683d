using System.Text.Json.Nodes;
using Qoder.AgentSdk.Evolution;
using Qoder.AgentSdk.Memory;

namespace Qoder.AgentSdk.Tests.Differential;

/// <summary>
/// The TS <c>memory</c> and <c>evolution.skill</c> options of a case as their C# counterparts. A callback is written
/// <c>true</c> in cases.json (JSON cannot hold one); an empty <c>memory</c> object is the TS way to leave memory unset.
/// </summary>
internal static class FeatureOptions
{
    public static QoderMemoryOptions? Memory(JsonObject memory)
    {
        if (memory.Count == 0)
        {
            return null;
        }

        var options = new QoderMemoryOptions
        {
            Mode = Mode(memory["mode"]) == "native" ? QoderMemoryMode.Native : QoderMemoryMode.Custom,
            ProjectScope = Bool(memory["projectScope"]),
            UserScope = Bool(memory["userScope"]),
        };
        if (memory["generation"] is JsonObject g)
        {
            var generation = new QoderMemoryGenerationOptions { Enabled = Bool(g["enabled"]), Prompt = Str(g["prompt"]), OnResult = g["onResult"] is null ? null : _ => { } };
            foreach (var root in g["roots"]?.AsArray() ?? [])
            {
                generation.Roots.Add(new QoderMemoryRoot
                {
                    Id = Str(root!["id"])!,
                    Path = Str(root["path"])!,
                    Access = Str(root["access"]) switch { "read" => QoderMemoryRootAccess.Read, "read-write" => QoderMemoryRootAccess.ReadWrite, _ => null },
                    IndexFile = Str(root["indexFile"]),
                });
            }

            if (g["turnComplete"] is JsonObject t)
            {
                generation.TurnComplete = new QoderMemoryTurnCompleteOptions
                {
                    Enabled = Bool(t["enabled"]),
                    ShouldGenerate = t["shouldGenerate"] is null ? null : (_, _) => ValueTask.FromResult(QoderTurnCompleteGateResult.Start()),
                    Timeout = Milliseconds(t["timeoutMs"]),
                    OnGateError = GateError(t["onGateError"]),
                };
            }

            options.Generation = generation;
        }

        if (memory["consumption"] is JsonObject c)
        {
            var consumption = new QoderMemoryConsumptionOptions
            {
                Enabled = Bool(c["enabled"]),
                MaxTokens = (int?)(c["maxTokens"] as JsonValue),
                Overflow = Str(c["overflow"]) switch { "truncate" => QoderMemoryOverflow.Truncate, "fail_query" => QoderMemoryOverflow.FailQuery, _ => null },
                FailureMode = Str(c["failureMode"]) switch { "best_effort" => QoderMemoryFailureMode.BestEffort, "fail_query" => QoderMemoryFailureMode.FailQuery, _ => null },
                OnResult = c["onResult"] is null ? null : _ => { },
            };
            foreach (var file in c["files"]?.AsArray() ?? [])
            {
                consumption.Files.Add(new QoderMemoryConsumptionFile { Id = Str(file!["id"])!, Path = Str(file["path"])!, Required = Bool(file["required"]) ?? false });
            }

            options.Consumption = consumption;
        }

        return options;
    }

    public static QoderSkillEvolutionOptions? SkillEvolution(JsonObject? skill)
    {
        if (skill is null)
        {
            return null;
        }

        var generation = skill["generation"] as JsonObject;
        var options = new QoderSkillEvolutionOptions
        {
            Mode = Mode(skill["mode"]) == "native" ? QoderSkillEvolutionMode.Native : QoderSkillEvolutionMode.Custom,
            Enabled = Bool(generation?["enabled"]),
            Prompt = Str(generation?["prompt"]),
            MaxSuggestions = (int?)(generation?["maxSuggestions"] as JsonValue),
            OnResult = generation?["onResult"] is null ? null : _ => { },
        };
        if (generation?["turnComplete"] is JsonObject t)
        {
            options.TurnComplete = new QoderSkillEvolutionTurnCompleteOptions
            {
                Enabled = Bool(t["enabled"]),
                ReviewThreshold = (int?)(t["reviewThreshold"] as JsonValue),
                ShouldReview = t["shouldReview"] is null ? null : (_, _) => ValueTask.FromResult(QoderTurnCompleteGateResult.Start()),
                Timeout = Milliseconds(t["timeoutMs"]),
                OnGateError = GateError(t["onGateError"]),
            };
        }

        return options;
    }

    private static string? Mode(JsonNode? node) => Str(node);

    private static string? Str(JsonNode? node) => node?.GetValue<string>();

    private static bool? Bool(JsonNode? node) => node?.GetValue<bool>();

    private static TimeSpan? Milliseconds(JsonNode? node) => node is null ? null : TimeSpan.FromMilliseconds(node.GetValue<double>());

    private static QoderGateErrorBehavior? GateError(JsonNode? node) => Str(node) switch
    {
        "skip" => QoderGateErrorBehavior.Skip,
        "report_failed" => QoderGateErrorBehavior.ReportFailed,
        _ => null,
    };
}
