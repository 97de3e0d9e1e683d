using Microsoft.Extensions.Options;

namespace Qoder.Extensions.Hosting;

/// <summary>The configuration sections hosted agents are bound from.</summary>
public static class QoderConfigurationKeys
{
    /// <summary>The root section, <c>Qoder</c>.</summary>
    public const string Section = "Qoder";

    /// <summary>The section under <see cref="Section"/> holding per-agent overrides, <c>Agents</c>.</summary>
    public const string AgentsSection = "Agents";

    /// <summary>Gets the section an agent's settings are read from last (the one to name in messages).</summary>
    /// <param name="agentName">The agent name; empty for the default agent.</param>
    /// <returns><c>Qoder</c>, or <c>Qoder:Agents:&lt;name&gt;</c>.</returns>
    public static string SectionFor(string agentName) =>
        string.IsNullOrEmpty(agentName) || agentName == Options.DefaultName ? Section : $"{Section}:{AgentsSection}:{agentName}";
}
