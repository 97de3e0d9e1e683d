using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Qoder.AgentSdk.Protocol;

/// <summary>Reads and writes the CLI's stdout messages. Unknown types and fields are kept, never dropped and never fatal.</summary>
public static class QoderMessageSerializer
{
    private static readonly QoderJsonContext Context = QoderJsonContext.Default;

    // Frames of the protocol itself (liveness, mirrors, summaries), never shown to the caller.
    private static readonly HashSet<string> HiddenTypes = new(StringComparer.Ordinal)
    {
        "keep_alive", "keepalive", "transcript_mirror", "streamlined_text", "streamlined_tool_use_summary", "post_turn_summary",
    };

    /// <summary>Parses one stdout line.</summary>
    /// <param name="json">The JSON object.</param>
    /// <returns>The typed message, or <see cref="UnknownMessage"/> for a type this client does not know.</returns>
    /// <exception cref="JsonException">The text is not a JSON object.</exception>
    public static QoderMessage Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        return Parse(document.RootElement);
    }

    /// <summary>Parses one stdout message.</summary>
    /// <param name="element">The JSON object.</param>
    /// <returns>The typed message, or <see cref="UnknownMessage"/> for a type this client does not know.</returns>
    /// <exception cref="JsonException">The element is not a JSON object or a known type has fields of the wrong kind.</exception>
    public static QoderMessage Parse(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"A message must be a JSON object, not {element.ValueKind}.");
        }

        var type = ReadString(element, "type");
        var subtype = ReadString(element, "subtype");
        QoderMessage? message = type switch
        {
            "system" when subtype == "init" => element.Deserialize(Context.SystemInitMessage),
            "system" when subtype == "status" => element.Deserialize(Context.SystemStatusMessage),
            "system" when subtype == "permission_denied" => element.Deserialize(Context.PermissionDeniedMessage),
            "system" when subtype is "hook_started" or "hook_progress" or "hook_response" => element.Deserialize(Context.HookEventMessage),
            "system" when subtype is "task_started" or "task_progress" or "task_updated" or "task_notification" => element.Deserialize(Context.TaskEventMessage),
            "system" when subtype == "compact_boundary" => element.Deserialize(Context.CompactBoundaryMessage),
            "system" when subtype == "api_retry" => element.Deserialize(Context.ApiRetryMessage),
            "system" when subtype == "plan_mode_changed" => element.Deserialize(Context.PlanModeChangedMessage),
            "system" when subtype == "available_models_update" => element.Deserialize(Context.AvailableModelsUpdateMessage),
            "system" when subtype == "mirror_error" => element.Deserialize(Context.MirrorErrorMessage),
            "system" when subtype == "model_queue_status" => element.Deserialize(Context.ModelQueueStatusMessage),
            "system" when subtype == "control_request_progress" => element.Deserialize(Context.ControlRequestProgressMessage),
            "system" when subtype == "background_tasks_changed" => element.Deserialize(Context.BackgroundTasksChangedMessage),
            "system" when subtype == "goal_updated" => element.Deserialize(Context.GoalUpdatedMessage),
            "system" when subtype == "goal_cleared" => element.Deserialize(Context.GoalClearedMessage),
            "system" when subtype == "session_state_changed" => element.Deserialize(Context.SessionStateChangedMessage),
            "system" when subtype == "session_title_changed" => element.Deserialize(Context.SessionTitleChangedMessage),
            "system" when subtype == "files_persisted" => element.Deserialize(Context.FilesPersistedMessage),
            "system" when subtype == "elicitation_complete" => element.Deserialize(Context.ElicitationCompleteMessage),
            "system" when subtype == "artifacts_update" => element.Deserialize(Context.ArtifactsUpdateMessage),
            "system" when subtype == "commands_changed" => element.Deserialize(Context.CommandsChangedMessage),
            "system" when subtype == "memory_generation" => element.Deserialize(Context.MemoryGenerationMessage),
            "system" when subtype == "memory_consumption" => element.Deserialize(Context.MemoryConsumptionMessage),
            "system" when subtype == "skill_evolution" => element.Deserialize(Context.SkillEvolutionMessage),
            "system" when subtype == "local_command_output" => element.Deserialize(Context.LocalCommandOutputMessage),
            "system" when subtype == "bridge_state" => element.Deserialize(Context.BridgeStateMessage),
            "system" => element.Deserialize(Context.SystemMessage),
            "assistant" => element.Deserialize(Context.AssistantMessage),
            "user" => element.Deserialize(Context.UserMessage),
            "result" => element.Deserialize(Context.ResultMessage),
            "stream_event" => element.Deserialize(Context.StreamEventMessage),
            "command_lifecycle" => element.Deserialize(Context.CommandLifecycleMessage),
            "prompt_suggestion" => element.Deserialize(Context.PromptSuggestionMessage),
            _ => null,
        };
        return message ?? new UnknownMessage
        {
            Type = type ?? string.Empty,
            Uuid = ReadString(element, "uuid"),
            SessionId = ReadString(element, "session_id"),
            Raw = element.Clone(),
        };
    }

    /// <summary>Serialises a message to one line of compact JSON, unknown fields included.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(QoderMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message switch
        {
            UnknownMessage unknown => unknown.Raw.GetRawText(),
            _ => JsonSerializer.Serialize(message, GetTypeInfo(message.GetType())),
        };
    }

    /// <summary>Tells whether a stdout message type is a protocol frame the caller never sees.</summary>
    internal static bool IsHidden(string type) => HiddenTypes.Contains(type);

    internal static IReadOnlyList<ContentBlock> ParseBlocks(JsonElement array)
    {
        var blocks = new List<ContentBlock>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            blocks.Add(ParseBlock(item));
        }

        return blocks;
    }

    internal static ContentBlock ParseBlock(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"A content block must be a JSON object, not {element.ValueKind}.");
        }

        ContentBlock? block = ReadString(element, "type") switch
        {
            "text" => element.Deserialize(Context.TextBlock),
            "tool_use" => element.Deserialize(Context.ToolUseBlock),
            "tool_result" => element.Deserialize(Context.ToolResultBlock),
            "thinking" => element.Deserialize(Context.ThinkingBlock),
            "redacted_thinking" => element.Deserialize(Context.RedactedThinkingBlock),
            "image" => element.Deserialize(Context.ImageBlock),
            _ => element.Deserialize(Context.UnknownContentBlock),
        };
        return block ?? throw new JsonException("A content block was null.");
    }

    internal static void WriteBlock(Utf8JsonWriter writer, ContentBlock block) =>
        JsonSerializer.Serialize(writer, block, GetTypeInfo(block.GetType()));

    private static JsonTypeInfo GetTypeInfo(Type type) =>
        Context.GetTypeInfo(type) ?? throw new NotSupportedException($"{type.Name} is not a wire type.");

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
