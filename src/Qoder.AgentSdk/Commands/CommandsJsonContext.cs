using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Commands;

/// <summary>Source-generated reading of the one-shot commands' JSON output.</summary>
[JsonSerializable(typeof(List<QoderPluginDetails>))]
[JsonSerializable(typeof(QoderPluginValidationReport))]
[JsonSerializable(typeof(QoderPluginResources))]
internal sealed partial class CommandsJsonContext : JsonSerializerContext;
