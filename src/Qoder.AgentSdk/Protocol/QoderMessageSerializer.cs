using System.Buffers;
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
        var message = RecordFor(type, ReadString(element, "subtype")) is { } typeInfo ? (QoderMessage?)element.Deserialize(typeInfo) : null;
        return message ?? new UnknownMessage
        {
            Type = type ?? string.Empty,
            Uuid = ReadString(element, "uuid"),
            SessionId = ReadString(element, "session_id"),
            Raw = element.Clone(),
        };
    }

    /// <summary>Parses one stdout line from its UTF-8 bytes, in one pass: no document is built for a known type.</summary>
    /// <param name="utf8Json">The JSON object.</param>
    /// <returns>The typed message, or <see cref="UnknownMessage"/> for a type this client does not know.</returns>
    /// <exception cref="JsonException">The bytes are not a JSON object or a known type has fields of the wrong kind.</exception>
    public static QoderMessage Parse(ReadOnlyMemory<byte> utf8Json)
    {
        var line = new ReadOnlySequence<byte>(utf8Json);
        return ParseLine(line, MessageHead.Read(line));
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

    /// <summary>
    /// The one place that maps a message's <c>type</c> (and <c>subtype</c>) to its record: a new message type is one line
    /// here plus its <c>[JsonSerializable]</c> in <see cref="QoderJsonContext"/>.
    /// </summary>
    /// <param name="type">The message type.</param>
    /// <param name="subtype">The subtype (read for <c>system</c> only).</param>
    /// <returns>The record's type info, or <see langword="null"/> for a type this client does not know.</returns>
    internal static JsonTypeInfo? RecordFor(string? type, string? subtype) => type switch
    {
        "system" when subtype == "init" => Context.SystemInitMessage,
        "system" when subtype == "status" => Context.SystemStatusMessage,
        "system" when subtype == "permission_denied" => Context.PermissionDeniedMessage,
        "system" when subtype is "hook_started" or "hook_progress" or "hook_response" => Context.HookEventMessage,
        "system" when subtype is "task_started" or "task_progress" or "task_updated" or "task_notification" => Context.TaskEventMessage,
        "system" when subtype == "compact_boundary" => Context.CompactBoundaryMessage,
        "system" when subtype == "api_retry" => Context.ApiRetryMessage,
        "system" when subtype == "plan_mode_changed" => Context.PlanModeChangedMessage,
        "system" when subtype == "available_models_update" => Context.AvailableModelsUpdateMessage,
        "system" when subtype == "mirror_error" => Context.MirrorErrorMessage,
        "system" when subtype == "model_queue_status" => Context.ModelQueueStatusMessage,
        "system" when subtype == "control_request_progress" => Context.ControlRequestProgressMessage,
        "system" when subtype == "background_tasks_changed" => Context.BackgroundTasksChangedMessage,
        "system" when subtype == "goal_updated" => Context.GoalUpdatedMessage,
        "system" when subtype == "goal_cleared" => Context.GoalClearedMessage,
        "system" when subtype == "session_state_changed" => Context.SessionStateChangedMessage,
        "system" when subtype == "session_title_changed" => Context.SessionTitleChangedMessage,
        "system" when subtype == "files_persisted" => Context.FilesPersistedMessage,
        "system" when subtype == "elicitation_complete" => Context.ElicitationCompleteMessage,
        "system" when subtype == "artifacts_update" => Context.ArtifactsUpdateMessage,
        "system" when subtype == "commands_changed" => Context.CommandsChangedMessage,
        "system" when subtype == "memory_generation" => Context.MemoryGenerationMessage,
        "system" when subtype == "memory_consumption" => Context.MemoryConsumptionMessage,
        "system" when subtype == "skill_evolution" => Context.SkillEvolutionMessage,
        "system" when subtype == "local_command_output" => Context.LocalCommandOutputMessage,
        "system" when subtype == "bridge_state" => Context.BridgeStateMessage,
        "system" => Context.SystemMessage,
        "assistant" => Context.AssistantMessage,
        "user" => Context.UserMessage,
        "result" => Context.ResultMessage,
        "stream_event" => Context.StreamEventMessage,
        "command_lifecycle" => Context.CommandLifecycleMessage,
        "prompt_suggestion" => Context.PromptSuggestionMessage,
        _ => null,
    };

    /// <summary>Deserialises one line whose head was read: a known type straight from the bytes into its record.</summary>
    /// <param name="line">The line's UTF-8 bytes.</param>
    /// <param name="head">Its type and subtype.</param>
    /// <returns>The message.</returns>
    /// <exception cref="JsonException">The line is not JSON or a known type has fields of the wrong kind.</exception>
    internal static QoderMessage ParseLine(in ReadOnlySequence<byte> line, MessageHead head)
    {
        if (head.Type == "stream_event" && StreamEventReader.TryRead(line, out var streamEvent))
        {
            return streamEvent!;
        }

        if (RecordFor(head.Type, head.Subtype) is { } typeInfo)
        {
            var reader = new Utf8JsonReader(line);
            return JsonSerializer.Deserialize(ref reader, typeInfo) as QoderMessage ?? throw new JsonException("A message was null.");
        }

        using var document = JsonDocument.Parse(line);
        return Parse(document.RootElement);
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

        var block = element.Deserialize(BlockRecordFor(ReadString(element, "type"))) as ContentBlock;
        return block ?? throw new JsonException("A content block was null.");
    }

    /// <summary>Maps a content block's <c>type</c> to its record; unknown types become <see cref="UnknownContentBlock"/>.</summary>
    /// <param name="type">The block type.</param>
    /// <returns>The record's type info.</returns>
    internal static JsonTypeInfo BlockRecordFor(string? type) => type switch
    {
        "text" => Context.TextBlock,
        "tool_use" => Context.ToolUseBlock,
        "tool_result" => Context.ToolResultBlock,
        "thinking" => Context.ThinkingBlock,
        "redacted_thinking" => Context.RedactedThinkingBlock,
        "image" => Context.ImageBlock,
        _ => Context.UnknownContentBlock,
    };

    internal static void WriteBlock(Utf8JsonWriter writer, ContentBlock block) =>
        JsonSerializer.Serialize(writer, block, GetTypeInfo(block.GetType()));

    private static JsonTypeInfo GetTypeInfo(Type type) =>
        Context.GetTypeInfo(type) ?? throw new NotSupportedException($"{type.Name} is not a wire type.");

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
