using Qoder.AgentSdk;
using Qoder.AgentSdk.Sessions;

namespace Qoder.Extensions.Hosting.Conversations;

/// <summary>Where a conversation can be resumed from: the agent's session store, else the CLI's local transcript.</summary>
internal sealed class ConversationTranscripts
{
    private readonly IQoderSessionStore? _store;

    public ConversationTranscripts(IQoderSessionStore? store)
    {
        _store = store;
    }

    /// <summary>Finds the conversation: <see cref="ResumeSource.Store"/> when the store holds it, <see cref="ResumeSource.Local"/> when the transcript is on disk.</summary>
    public async Task<ResumeSource?> FindAsync(string conversationId, QoderAgentOptions agent, CancellationToken cancellationToken)
    {
        if (_store is not null)
        {
            var entries = await _store.LoadAsync(Key(conversationId, agent), cancellationToken).ConfigureAwait(false);
            if (entries is { Count: > 0 })
            {
                return ResumeSource.Store;
            }
        }

        return File.Exists(LocalPath(conversationId, agent)) ? ResumeSource.Local : null;
    }

    /// <summary>Removes the local transcript (and its folder of subagent transcripts and state) and the store's entries.</summary>
    /// <returns><see langword="true"/> when something was there.</returns>
    public async Task<bool> DeleteAsync(string conversationId, QoderAgentOptions agent, CancellationToken cancellationToken)
    {
        var existed = false;
        if (_store is not null)
        {
            var key = Key(conversationId, agent);
            existed = await _store.LoadAsync(key, cancellationToken).ConfigureAwait(false) is { Count: > 0 };
            await _store.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
        }

        var path = LocalPath(conversationId, agent);
        if (File.Exists(path))
        {
            File.Delete(path);
            existed = true;
        }

        var folder = Path.Combine(Path.GetDirectoryName(path)!, conversationId);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return existed;
    }

    /// <summary>The transcript's path: <c>&lt;config dir&gt;/projects/&lt;project key&gt;/&lt;id&gt;.jsonl</c>, as the CLI writes it.</summary>
    public static string LocalPath(string conversationId, QoderAgentOptions agent) =>
        Path.Combine(ConfigDirectory(agent), "projects", QoderProjectKey.FromDirectory(agent.WorkingDirectory ?? Environment.CurrentDirectory), conversationId + ".jsonl");

    /// <summary>The CLI's configuration folder: <c>QODER_CONFIG_DIR</c>, else <c>.qoder</c> under <c>QODER_CLI_HOME</c> or the home folder (the child's environment first).</summary>
    public static string ConfigDirectory(QoderAgentOptions agent) =>
        Variable(agent, "QODER_CONFIG_DIR")
        ?? Path.Combine(Variable(agent, "QODER_CLI_HOME") ?? Variable(agent, "HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".qoder");

    private static QoderSessionKey Key(string conversationId, QoderAgentOptions agent) => new(QoderProjectKey.FromDirectory(agent.WorkingDirectory ?? Environment.CurrentDirectory), conversationId);

    private static string? Variable(QoderAgentOptions agent, string name) =>
        agent.Environment.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value
        : Environment.GetEnvironmentVariable(name) is { Length: > 0 } inherited ? inherited : null;
}
