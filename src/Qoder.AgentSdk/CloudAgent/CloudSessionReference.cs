namespace Qoder.AgentSdk.CloudAgent;

/// <summary>A Cloud session: an existing one by id, or one to create for the configured agent.</summary>
public sealed record CloudSessionReference
{
    private CloudSessionReference(string? id, CloudSessionCreateParams? create)
    {
        Id = id;
        CreateParams = create;
    }

    /// <summary>Gets the id of an existing session.</summary>
    public string? Id { get; }

    /// <summary>Gets the session to create (<c>POST /sessions</c>).</summary>
    public CloudSessionCreateParams? CreateParams { get; }

    /// <summary>Uses an existing session; it already selects its agent.</summary>
    /// <param name="id">The session id.</param>
    /// <returns>The reference.</returns>
    public static CloudSessionReference Existing(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return new CloudSessionReference(id, null);
    }

    /// <summary>Creates a session for the configured agent.</summary>
    /// <param name="create">The session to create.</param>
    /// <returns>The reference.</returns>
    public static CloudSessionReference Create(CloudSessionCreateParams create)
    {
        ArgumentNullException.ThrowIfNull(create);
        return new CloudSessionReference(null, create);
    }
}
