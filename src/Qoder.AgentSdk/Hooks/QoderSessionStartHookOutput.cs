using System.Text.Json.Nodes;

namespace Qoder.AgentSdk;

/// <summary>What a SessionStart hook adds: context for the model, a first user message, files to watch.</summary>
public sealed class QoderSessionStartHookOutput : QoderHookSpecificOutput
{
    /// <inheritdoc/>
    public override QoderHookEvent HookEvent => QoderHookEvent.SessionStart;

    /// <summary>Gets or sets text added to the model's context.</summary>
    public string? AdditionalContext { get; set; }

    /// <summary>Gets or sets a message submitted as the first user prompt.</summary>
    public string? InitialUserMessage { get; set; }

    /// <summary>Gets or sets paths whose changes raise FileChanged hooks.</summary>
    public IList<string>? WatchPaths { get; set; }

    private protected override void WriteFields(JsonObject json)
    {
        HookOutputJson.Set(json, "additionalContext", AdditionalContext);
        HookOutputJson.Set(json, "initialUserMessage", InitialUserMessage);
        if (WatchPaths is not null)
        {
            json["watchPaths"] = new JsonArray([.. WatchPaths.Select(p => (JsonNode?)p)]);
        }
    }
}
