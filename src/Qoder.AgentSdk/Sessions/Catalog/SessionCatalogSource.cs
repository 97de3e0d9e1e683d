using System.Text.Json;

namespace Qoder.AgentSdk.Sessions;

/// <summary>Where <see cref="QoderSessionCatalog"/> reads and writes transcripts: the local configuration directory or a store.</summary>
internal abstract class SessionCatalogSource
{
    /// <summary>The subpath prefix of subagent transcripts.</summary>
    public const string SubagentPrefix = "subagents/agent-";

    public abstract string Describe(string? directory);

    public abstract Task<IReadOnlyList<SessionHandle>> ListAsync(string? directory, CancellationToken cancellationToken);

    public abstract Task<(SessionHandle Handle, IReadOnlyList<JsonElement> Entries)?> LoadAsync(string sessionId, string? directory, CancellationToken cancellationToken);

    public abstract Task<IReadOnlyList<string>> ListSubpathsAsync(string sessionId, string? directory, CancellationToken cancellationToken);

    public abstract Task<IReadOnlyList<JsonElement>?> LoadSubpathAsync(string sessionId, string subpath, string? directory, CancellationToken cancellationToken);

    /// <summary>Appends to an existing session; false when there is none.</summary>
    public abstract Task<bool> AppendAsync(string sessionId, string? directory, IReadOnlyList<JsonElement> entries, CancellationToken cancellationToken);

    /// <summary>Writes a new session beside <paramref name="besideSessionId"/>.</summary>
    public abstract Task CreateAsync(string sessionId, string besideSessionId, string? directory, IReadOnlyList<JsonElement> entries, CancellationToken cancellationToken);

    public abstract Task<bool> DeleteAsync(string sessionId, string? directory, CancellationToken cancellationToken);
}
