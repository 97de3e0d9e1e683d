using System.Text.Json.Nodes;

namespace Qoder.AgentSdk;

/// <summary>The event-specific part of a hook output (<c>hookSpecificOutput</c>, with its <c>hookEventName</c>).</summary>
public abstract class QoderHookSpecificOutput
{
    private protected QoderHookSpecificOutput()
    {
    }

    /// <summary>Gets the event this output is for.</summary>
    public abstract QoderHookEvent HookEvent { get; }

    internal JsonObject ToJson()
    {
        var json = new JsonObject { ["hookEventName"] = HookEvent.ToWireName() };
        WriteFields(json);
        return json;
    }

    private protected abstract void WriteFields(JsonObject json);
}
