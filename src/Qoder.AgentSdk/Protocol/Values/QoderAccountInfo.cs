using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The account the CLI runs as. Every field is optional: a CLI without a login reports an empty object.</summary>
public sealed record QoderAccountInfo
{
    /// <summary>Gets the user id.</summary>
    [JsonPropertyName("userId")]
    public string? UserId { get; init; }

    /// <summary>Gets the user name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the e-mail address.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>Gets the organisation id.</summary>
    [JsonPropertyName("organization")]
    public string? Organization { get; init; }

    /// <summary>Gets the organisation name.</summary>
    [JsonPropertyName("organizationName")]
    public string? OrganizationName { get; init; }

    /// <summary>Gets the subscription type.</summary>
    [JsonPropertyName("subscriptionType")]
    public string? SubscriptionType { get; init; }

    /// <summary>Gets where the token came from.</summary>
    [JsonPropertyName("tokenSource")]
    public string? TokenSource { get; init; }

    /// <summary>Gets where the API key came from.</summary>
    [JsonPropertyName("apiKeySource")]
    public string? ApiKeySource { get; init; }

    /// <summary>Gets the API provider: <c>firstParty</c>, <c>bedrock</c>, <c>vertex</c> or <c>foundry</c>.</summary>
    [JsonPropertyName("apiProvider")]
    public string? ApiProvider { get; init; }

    /// <summary>Gets the fields this client has no property for, exactly as received.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
