using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qoder.AgentSdk;

/// <summary>What a PostToolUse hook adds: context for the model, or a replaced MCP tool output.</summary>
public sealed class QoderPostToolUseHookOutput : QoderHookSpecificOutput
{
    /// <inheritdoc/>
    public override QoderHookEvent HookEvent => QoderHookEvent.PostToolUse;

    /// <summary>Gets or sets text added to the model's context.</summary>
    public string? AdditionalContext { get; set; }

    /// <summary>Gets or sets the output of an MCP tool as the model should see it (<c>updatedMCPToolOutput</c>).</summary>
    public JsonElement? UpdatedMcpToolOutput { get; set; }

    private protected override void WriteFields(JsonObject json)
    {
        HookOutputJson.Set(json, "additionalContext", AdditionalContext);
        HookOutputJson.Set(json, "updatedMCPToolOutput", UpdatedMcpToolOutput);
    }
}
