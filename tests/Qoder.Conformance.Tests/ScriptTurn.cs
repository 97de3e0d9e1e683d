using System.Text.Json.Nodes;

namespace Qoder.Conformance.Tests;

/// <summary>The model calls of one prompt's turn.</summary>
public sealed class ScriptTurn
{
    public List<ScriptModelCall> Calls { get; } = [];

    /// <summary>A model call that answers text; more than one chunk streams as separate deltas.</summary>
    public ScriptTurn Text(string text, params string[] chunks)
    {
        Calls.Add(new ScriptModelCall(chunks.Length > 0 ? chunks : [text], null, null, null));
        return this;
    }

    /// <summary>A model call that asks for one tool, optionally after some text.</summary>
    public ScriptTurn ToolCall(string name, JsonObject input, string? leadingText = null)
    {
        Calls.Add(new ScriptModelCall([], name, input, leadingText));
        return this;
    }
}
