using System.Text.Json.Nodes;
using Qoder.AgentSdk.Evolution;
using Qoder.AgentSdk.Memory;

namespace Qoder.AgentSdk.Control;

/// <summary>
/// The <c>initialize.memory</c> and <c>initialize.evolution</c> objects, in the official SDK's shape and key order. A gate
/// callback is announced by a fixed id the CLI echoes in its <c>memory_should_generate</c> / <c>skill_evolution_should_review</c>.
/// </summary>
internal static class FeatureConfigJson
{
    public const string MemoryGateId = "memory_should_generate_0";
    public const string SkillReviewGateId = "skill_evolution_should_review_0";

    public static JsonObject? Memory(QoderMemoryOptions? memory)
    {
        if (memory is null)
        {
            return null;
        }

        var config = new JsonObject { ["requester"] = "sdk", ["mode"] = memory.Mode == QoderMemoryMode.Native ? "native" : "custom" };
        Set(config, "projectScope", memory.ProjectScope);
        Set(config, "userScope", memory.UserScope);
        if (memory.Mode == QoderMemoryMode.Native)
        {
            return config;
        }

        if (memory.Generation is { } generation)
        {
            var g = new JsonObject { ["enabled"] = generation.Enabled ?? true };
            if (generation.Roots.Count > 0)
            {
                g["roots"] = new JsonArray([.. generation.Roots.Select(Root)]);
            }

            Set(g, "prompt", generation.Prompt);
            if (generation.TurnComplete is { } turn)
            {
                var t = new JsonObject { ["enabled"] = turn.Enabled ?? true };
                Set(t, "shouldGenerateCallbackId", turn.ShouldGenerate is null ? null : MemoryGateId);
                Set(t, "timeoutMs", Milliseconds(turn.Timeout));
                Set(t, "onGateError", GateError(turn.OnGateError));
                g["turnComplete"] = t;
            }

            config["generation"] = g;
        }

        if (memory.Consumption is { } consumption)
        {
            var c = new JsonObject { ["enabled"] = consumption.Enabled ?? true };
            if (consumption.Files.Count > 0)
            {
                c["files"] = new JsonArray([.. consumption.Files.Select(f => (JsonNode)new JsonObject { ["id"] = f.Id, ["path"] = f.Path, ["required"] = f.Required })]);
            }

            Set(c, "maxTokens", consumption.MaxTokens);
            Set(c, "overflow", consumption.Overflow switch { QoderMemoryOverflow.Truncate => "truncate", QoderMemoryOverflow.FailQuery => "fail_query", _ => null });
            Set(c, "failureMode", consumption.FailureMode switch { QoderMemoryFailureMode.BestEffort => "best_effort", QoderMemoryFailureMode.FailQuery => "fail_query", _ => null });
            config["consumption"] = c;
        }

        return config;
    }

    /// <summary>Builds <c>initialize.evolution</c>; <see langword="null"/> when unset or disabled (the official SDK then sends nothing).</summary>
    public static JsonObject? Evolution(QoderSkillEvolutionOptions? skill)
    {
        if (skill is null || skill.Enabled == false)
        {
            return null;
        }

        var config = new JsonObject { ["requester"] = "sdk" };
        if (skill.Mode == QoderSkillEvolutionMode.Native)
        {
            config["mode"] = "native";
            if (skill.TurnComplete?.ReviewThreshold is { } threshold)
            {
                config["generation"] = new JsonObject { ["turnComplete"] = new JsonObject { ["reviewThreshold"] = threshold } };
            }

            return new JsonObject { ["skill"] = config };
        }

        config["mode"] = "custom";
        var g = new JsonObject { ["enabled"] = true };
        Set(g, "prompt", skill.Prompt);
        Set(g, "maxSuggestions", skill.MaxSuggestions);
        if (skill.TurnComplete is { } turn)
        {
            var t = new JsonObject { ["enabled"] = turn.Enabled ?? true };
            Set(t, "reviewThreshold", turn.ReviewThreshold);
            Set(t, "shouldReviewCallbackId", turn.ShouldReview is null ? null : SkillReviewGateId);
            Set(t, "timeoutMs", Milliseconds(turn.Timeout));
            Set(t, "onGateError", GateError(turn.OnGateError));
            g["turnComplete"] = t;
        }

        // The official SDK sends the generation object only when generation settings were given at all.
        if (skill.Enabled is not null || skill.Prompt is not null || skill.MaxSuggestions is not null || skill.TurnComplete is not null || skill.OnResult is not null)
        {
            config["generation"] = g;
        }

        return new JsonObject { ["skill"] = config };
    }

    private static JsonNode Root(QoderMemoryRoot root)
    {
        var node = new JsonObject { ["id"] = root.Id, ["path"] = root.Path };
        Set(node, "access", root.Access switch { QoderMemoryRootAccess.Read => "read", QoderMemoryRootAccess.ReadWrite => "read-write", _ => null });
        Set(node, "indexFile", root.IndexFile);
        return node;
    }

    private static string? GateError(QoderGateErrorBehavior? behavior) => behavior switch
    {
        QoderGateErrorBehavior.Skip => "skip",
        QoderGateErrorBehavior.ReportFailed => "report_failed",
        _ => null,
    };

    private static double? Milliseconds(TimeSpan? timeout) => timeout?.TotalMilliseconds;

    private static void Set(JsonObject target, string name, string? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }

    private static void Set(JsonObject target, string name, bool? value)
    {
        if (value is { } v)
        {
            target[name] = v;
        }
    }

    private static void Set(JsonObject target, string name, int? value)
    {
        if (value is { } v)
        {
            target[name] = v;
        }
    }

    private static void Set(JsonObject target, string name, double? value)
    {
        if (value is { } v)
        {
            target[name] = v % 1 == 0 ? JsonValue.Create((long)v) : JsonValue.Create(v);
        }
    }
}
