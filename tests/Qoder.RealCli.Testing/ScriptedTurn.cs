namespace Qoder.RealCli.Testing;

/// <summary>One scripted model reply: text (possibly split into chunks, or computed from the request) followed by tool calls.</summary>
internal sealed record ScriptedTurn(
    IReadOnlyList<string> TextChunks,
    IReadOnlyList<ScriptedToolCall> ToolCalls,
    MockTokenUsage? Usage)
{
    /// <summary>When set, the text is computed from the request at the time of the call instead of <see cref="TextChunks"/>.</summary>
    public Func<MockChatRequest, string>? Reply { get; init; }
}
