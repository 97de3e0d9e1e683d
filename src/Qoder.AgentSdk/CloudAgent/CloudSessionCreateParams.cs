using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.CloudAgent;

/// <summary>The body of <c>POST /sessions</c> without the agent, which the SDK adds.</summary>
public sealed record CloudSessionCreateParams
{
    /// <summary>Gets the environment that defines the session container. Required by the Cloud API.</summary>
    [JsonPropertyName("environment_id")]
    public required string EnvironmentId { get; init; }

    /// <summary>Gets the session title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>Gets the uploaded files to mount.</summary>
    [JsonPropertyName("resources")]
    public IReadOnlyList<CloudSessionFileResource>? Resources { get; init; }

    /// <summary>Gets the vaults of stored credentials.</summary>
    [JsonPropertyName("vault_ids")]
    public IReadOnlyList<string>? VaultIds { get; init; }

    /// <summary>Gets the memory stores.</summary>
    [JsonPropertyName("memory_store_ids")]
    public IReadOnlyList<string>? MemoryStoreIds { get; init; }
}
