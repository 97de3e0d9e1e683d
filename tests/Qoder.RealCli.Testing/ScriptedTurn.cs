namespace Qoder.RealCli.Testing;

/// <summary>One scripted model reply: text (possibly split into chunks) followed by tool calls.</summary>
internal sealed record ScriptedTurn(
    IReadOnlyList<string> TextChunks,
    IReadOnlyList<ScriptedToolCall> ToolCalls,
    MockTokenUsage? Usage);
