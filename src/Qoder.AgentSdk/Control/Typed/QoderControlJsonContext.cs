using System.Text.Json;
using System.Text.Json.Serialization;
using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk.Control.Typed;

/// <summary>Source-generated serialisation of the typed control responses (kept apart from the message context).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(QoderInitializeResult))]
[JsonSerializable(typeof(QoderInterruptReceipt))]
[JsonSerializable(typeof(QoderContextUsage))]
[JsonSerializable(typeof(QoderUsageInfo))]
[JsonSerializable(typeof(QoderAccountInfo))]
[JsonSerializable(typeof(QoderAddDirectoriesResult))]
[JsonSerializable(typeof(QoderMcpSetServersResult))]
[JsonSerializable(typeof(QoderMcpAuthentication))]
[JsonSerializable(typeof(QoderAppliedFlagSettings))]
[JsonSerializable(typeof(QoderSettingsSnapshot))]
[JsonSerializable(typeof(QoderSideQuestionAnswer))]
[JsonSerializable(typeof(QoderSideQuestionExchange))]
[JsonSerializable(typeof(QoderRewindResult))]
[JsonSerializable(typeof(QoderRewindFilesResult))]
[JsonSerializable(typeof(QoderReloadPluginsResult))]
[JsonSerializable(typeof(QoderPlanModeState))]
[JsonSerializable(typeof(QoderGoal))]
[JsonSerializable(typeof(IReadOnlyList<QoderModelInfo>))]
[JsonSerializable(typeof(IReadOnlyList<QoderSlashCommand>))]
[JsonSerializable(typeof(IReadOnlyList<JsonElement>))]
[JsonSerializable(typeof(IReadOnlyList<QoderByokProvider>))]
[JsonSerializable(typeof(IReadOnlyList<QoderByokConfigInfo>))]
[JsonSerializable(typeof(QoderByokModelValidation))]
[JsonSerializable(typeof(QoderByokModelConfig))]
[JsonSerializable(typeof(QoderByokModelConfigUpdate))]
[JsonSerializable(typeof(QoderByokCustomProvider))]
[JsonSerializable(typeof(QoderByokConfigReference))]
[JsonSerializable(typeof(QoderByokCheckResult))]
[JsonSerializable(typeof(QoderRemoteProjectionCheckpoint))]
internal sealed partial class QoderControlJsonContext : JsonSerializerContext;
