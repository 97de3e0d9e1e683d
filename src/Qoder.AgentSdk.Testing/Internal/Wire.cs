using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Testing.Internal;

/// <summary>Shapes shared by several stdout messages, as the real CLI 1.1.52 prints them.</summary>
internal static class Wire
{
    // Writer options only: a JsonSerializerOptions would wire up the reflection-based resolver on first use, tens of ms at start-up.
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly string[] Capabilities =
    [
        "interrupt_receipt_v1", "interrupt_cancel_queued_v1", "msg_lifecycle_v1", "session_rewind_v1", "background_tasks_v1",
        "side_question_v1", "custom_context_v1", "goal_v1", "goal_max_turns_v1", "skill_evolution_v1", "plan_mode_v1",
        "session_store_fork_barrier_v1", "byok_config_management_v1", "commands_changed_v1", "reload_skills_v1",
    ];

    /// <summary>The capabilities the session advertises: the scenario's, else those of the real CLI 1.1.52.</summary>
    public static IList<string> CapabilitiesOf(QoderScenario scenario) => scenario.Capabilities ?? Capabilities;

    public static readonly (string Name, string Description, string Hint)[] Commands =
    [
        ("about", "Show version info", ""),
        ("clear", "Clear the screen and start a new conversation", ""),
        ("compact", "Compresses the context by replacing it with a summary", ""),
        ("help", "Show application help and keyboard shortcuts", ""),
        ("model", "Set or manage model", "[model]"),
        ("review", "Review code changes and find actionable issues", ""),
    ];

    public static readonly (string Name, string Description)[] Agents =
    [
        ("general-purpose", "General-purpose agent for researching complex questions and executing multi-step tasks."),
        ("Explore", "Fast read-only search agent for locating code."),
        ("Plan", "Software architect agent for designing implementation plans."),
    ];

    public static readonly (string Name, string Description)[] Skills =
    [
        ("simplify", "Review the changed code for reuse, simplification and efficiency."),
        ("debug", "Enable debug logging for this session and help diagnose issues."),
    ];

    // Precomputed name lists for system/init (declared after the arrays they read).
    public static readonly string[] SkillNames = NamesOf(Skills);

    public static readonly string[] AgentNames = NamesOf(Agents);

    public static readonly string[] SlashCommandNames = SlashCommands();

    public const string DenyPrefix =
        "The user doesn't want to proceed with this tool use. The tool use was rejected (eg. if it was a file edit, the new_string was NOT written to the file). ";

    public const string InterruptedText =
        "The user doesn't want to take this action right now. STOP what you are doing and wait for the user to tell you how to proceed.";

    public const string WithdrawnPromptText = DenyPrefix +
        "Do not repeat this call; take a different approach, or if you cannot proceed without it, tell the user what you were trying to do and why you need it.";

    private static string[] NamesOf((string Name, string Description)[] items)
    {
        var names = new string[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            names[i] = items[i].Name;
        }

        return names;
    }

    private static string[] SlashCommands()
    {
        var names = new string[Commands.Length + SkillNames.Length];
        for (var i = 0; i < Commands.Length; i++)
        {
            names[i] = Commands[i].Name;
        }

        SkillNames.CopyTo(names, Commands.Length);
        return names;
    }

    public static string NewId() => Guid.NewGuid().ToString();

    public static string Timestamp() => TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The compact UTF-8 line for <paramref name="message"/>, newline-terminated.</summary>
    public static ReadOnlyMemory<byte> ToLine(JsonNode message)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            message.WriteTo(writer);
        }

        buffer.Write("\n"u8);
        return buffer.WrittenMemory;
    }

    public static JsonObject Usage(long input = 0, long output = 0, long cacheCreation = 0, long cacheRead = 0) => new()
    {
        ["input_tokens"] = input,
        ["cache_creation_input_tokens"] = cacheCreation,
        ["cache_read_input_tokens"] = cacheRead,
        ["output_tokens"] = output,
        ["server_tool_use"] = new JsonObject { ["web_search_requests"] = 0, ["web_fetch_requests"] = 0 },
        ["service_tier"] = "standard",
        ["cache_creation"] = new JsonObject { ["ephemeral_1h_input_tokens"] = 0, ["ephemeral_5m_input_tokens"] = 0 },
        ["inference_geo"] = "",
        ["iterations"] = new JsonArray(),
        ["speed"] = "standard",
    };

    public static JsonObject ModelUsage(string model, long input, long output, long cacheCreation, long cacheRead, double cost) => new()
    {
        [model.Length == 0 ? "unknown" : model] = new JsonObject
        {
            ["inputTokens"] = input,
            ["outputTokens"] = output,
            ["cacheReadInputTokens"] = cacheRead,
            ["cacheCreationInputTokens"] = cacheCreation,
            ["webSearchRequests"] = 0,
            ["costUSD"] = cost,
            ["contextWindow"] = 0,
            ["maxOutputTokens"] = 0,
        },
    };

    /// <summary>The one-line error result the CLI prints for fatal errors before or outside a turn.</summary>
    public static JsonObject FatalResult(string sessionId, string error, string? terminalReason, int? errorCode = null)
    {
        var result = new JsonObject
        {
            ["type"] = "result",
            ["subtype"] = "error_during_execution",
            ["duration_ms"] = 0,
            ["duration_api_ms"] = 0,
            ["is_error"] = true,
            ["num_turns"] = 0,
            ["stop_reason"] = null,
            ["total_cost_usd"] = 0,
            ["total_credits"] = 0,
            ["usage"] = Usage(),
            ["modelUsage"] = new JsonObject(),
            ["permission_denials"] = new JsonArray(),
            ["errors"] = new JsonArray(error),
        };
        if (terminalReason is not null)
        {
            result["terminal_reason"] = terminalReason;
        }

        Stamp(result, sessionId);
        if (errorCode is not null)
        {
            result["error_code"] = errorCode.Value;
        }

        return result;
    }

    /// <summary>Appends a fresh <c>uuid</c> and the session id, as the CLI does to most stdout messages.</summary>
    public static JsonObject Stamp(JsonObject message, string sessionId)
    {
        message["uuid"] = NewId();
        message["session_id"] = sessionId;
        return message;
    }

    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);

    // A plain loop: LINQ over the start-up arrays costs JIT time before system/init.
    public static JsonArray Strings(string[] values)
    {
        var array = new JsonArray();
        foreach (var value in values)
        {
            array.Add((JsonNode?)value);
        }

        return array;
    }

    public static string? Str(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    public static bool? Bool(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<bool>(out var b) ? b : null;
}
