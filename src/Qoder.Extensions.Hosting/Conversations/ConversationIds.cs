namespace Qoder.Extensions.Hosting.Conversations;

/// <summary>Conversation ids are CLI session ids: UUIDs. Anything else names no conversation (and never reaches a path or argv).</summary>
internal static class ConversationIds
{
    public static bool IsWellFormed(string? conversationId) => Guid.TryParseExact(conversationId, "D", out _);
}
