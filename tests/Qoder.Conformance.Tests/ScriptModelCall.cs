using System.Text.Json.Nodes;

namespace Qoder.Conformance.Tests;

/// <summary>One model response: text chunks, or a tool call with optional leading text.</summary>
public sealed record ScriptModelCall(IReadOnlyList<string> TextChunks, string? ToolName, JsonObject? ToolInput, string? LeadingText)
{
    public string Text => string.Concat(TextChunks);
}
