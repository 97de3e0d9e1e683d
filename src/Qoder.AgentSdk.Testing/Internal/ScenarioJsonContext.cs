using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Testing.Internal;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(QoderScenario))]
internal sealed partial class ScenarioJsonContext : JsonSerializerContext;
