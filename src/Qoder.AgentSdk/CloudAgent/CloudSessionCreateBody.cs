using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.CloudAgent;

/// <summary>The body of <c>POST /sessions</c>: the agent id plus the caller's session parameters.</summary>
internal sealed record CloudSessionCreateBody(
    [property: JsonPropertyName("agent")] string Agent,
    [property: JsonPropertyName("environment_id")] string EnvironmentId,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("resources")] IReadOnlyList<CloudSessionFileResource>? Resources,
    [property: JsonPropertyName("vault_ids")] IReadOnlyList<string>? VaultIds,
    [property: JsonPropertyName("memory_store_ids")] IReadOnlyList<string>? MemoryStoreIds);
