namespace Qoder.AgentSdk.CloudAgent;

/// <summary>A Cloud Agent: an existing one by id, or one to create.</summary>
public sealed record CloudAgentReference
{
    private CloudAgentReference(string? id, AgentCreateParams? create)
    {
        Id = id;
        CreateParams = create;
    }

    /// <summary>Gets the id of an existing agent.</summary>
    public string? Id { get; }

    /// <summary>Gets the agent to create (<c>POST /agents</c>).</summary>
    public AgentCreateParams? CreateParams { get; }

    /// <summary>Uses an existing agent.</summary>
    /// <param name="id">The agent id.</param>
    /// <returns>The reference.</returns>
    public static CloudAgentReference Existing(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return new CloudAgentReference(id, null);
    }

    /// <summary>Creates an agent before the session.</summary>
    /// <param name="create">The agent to create.</param>
    /// <returns>The reference.</returns>
    public static CloudAgentReference Create(AgentCreateParams create)
    {
        ArgumentNullException.ThrowIfNull(create);
        return new CloudAgentReference(null, create);
    }
}
