using Qoder.Extensions.Hosting;

namespace Qoder.AgentSdk.SessionStore.Redis;

/// <summary>The configuration sections a hosted Redis session store is bound from.</summary>
public static class QoderRedisSessionStoreConfigurationKeys
{
    /// <summary>The section under an agent's section, <c>SessionStore:Redis</c>.</summary>
    public const string RelativeSection = "SessionStore:Redis";

    /// <summary>Gets the section an agent's store settings are read from last (the one to name in messages).</summary>
    /// <param name="agentName">The agent name; empty for the default agent.</param>
    /// <returns><c>Qoder:SessionStore:Redis</c>, or <c>Qoder:Agents:&lt;name&gt;:SessionStore:Redis</c>.</returns>
    public static string SectionFor(string agentName) => $"{QoderConfigurationKeys.SectionFor(agentName)}:{RelativeSection}";
}
