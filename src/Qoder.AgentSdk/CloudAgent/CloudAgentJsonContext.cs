using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.CloudAgent;

/// <summary>Source-generated serialisation of the Cloud API request bodies.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AgentCreateParams))]
[JsonSerializable(typeof(CloudSessionCreateBody))]
[JsonSerializable(typeof(CloudSessionEventsBody))]
[JsonSerializable(typeof(string))]
internal sealed partial class CloudAgentJsonContext : JsonSerializerContext;
