using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Testing.Internal.Turns;

/// <summary>What one turn accumulates for its result; concurrent tool calls share it, so prompts and denials are locked.</summary>
internal sealed class TurnState
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _prompting = new(StringComparer.Ordinal);

    /// <summary>The uuids of the user messages this turn answers (the first and those that joined it).</summary>
    public List<string> Consumed { get; } = [];

    public JsonArray Denials { get; } = [];

    public int NumTurns { get; set; }

    public bool AbortedWhilePrompting { get; set; }

    public string? LastText { get; set; }

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public void AddDenial(JsonObject denial)
    {
        lock (_gate)
        {
            Denials.Add((JsonNode)denial);
        }
    }

    public void StartPrompt(string toolUseId)
    {
        lock (_gate)
        {
            _prompting.Add(toolUseId);
        }
    }

    public void EndPrompt(string toolUseId)
    {
        lock (_gate)
        {
            _prompting.Remove(toolUseId);
        }
    }

    public bool IsPrompting(string toolUseId)
    {
        lock (_gate)
        {
            return _prompting.Contains(toolUseId);
        }
    }
}
