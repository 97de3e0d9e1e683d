using System.Collections.Concurrent;

namespace Qoder.AgentSdk.SessionStore.Redis;

/// <summary>The agents with a Redis store, and whether each was given its own connection (then no connection string is needed).</summary>
internal sealed class RedisSessionStoreRegistrations
{
    private readonly ConcurrentDictionary<string, bool> _agents = new(StringComparer.Ordinal);

    public void Set(string agentName, bool suppliesConnection) => _agents[agentName] = suppliesConnection;

    public bool TryGet(string agentName, out bool suppliesConnection) => _agents.TryGetValue(agentName, out suppliesConnection);
}
