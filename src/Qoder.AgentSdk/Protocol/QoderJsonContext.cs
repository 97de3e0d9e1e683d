using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SystemInitMessage))]
[JsonSerializable(typeof(SystemMessage))]
[JsonSerializable(typeof(SystemStatusMessage))]
[JsonSerializable(typeof(PermissionDeniedMessage))]
[JsonSerializable(typeof(HookEventMessage))]
[JsonSerializable(typeof(TaskEventMessage))]
[JsonSerializable(typeof(CompactBoundaryMessage))]
[JsonSerializable(typeof(ApiRetryMessage))]
[JsonSerializable(typeof(PlanModeChangedMessage))]
[JsonSerializable(typeof(AvailableModelsUpdateMessage))]
[JsonSerializable(typeof(AssistantMessage))]
[JsonSerializable(typeof(UserMessage))]
[JsonSerializable(typeof(ResultMessage))]
[JsonSerializable(typeof(StreamEventMessage))]
[JsonSerializable(typeof(CommandLifecycleMessage))]
[JsonSerializable(typeof(PromptSuggestionMessage))]
[JsonSerializable(typeof(MirrorErrorMessage))]
[JsonSerializable(typeof(TextBlock))]
[JsonSerializable(typeof(ToolUseBlock))]
[JsonSerializable(typeof(ToolResultBlock))]
[JsonSerializable(typeof(ThinkingBlock))]
[JsonSerializable(typeof(RedactedThinkingBlock))]
[JsonSerializable(typeof(ImageBlock))]
[JsonSerializable(typeof(UnknownContentBlock))]
[JsonSerializable(typeof(UserInputFrame))]
[JsonSerializable(typeof(ControlRequestFrame))]
[JsonSerializable(typeof(ControlResponseFrame))]
[JsonSerializable(typeof(ControlCancelFrame))]
[JsonSerializable(typeof(IReadOnlyList<McpServerStatus>))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class QoderJsonContext : JsonSerializerContext;
