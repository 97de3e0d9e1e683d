namespace Qoder.Extensions.Hosting.Conversations;

/// <summary>The conversations of one agent at one instant.</summary>
/// <param name="Active">Conversations open on this host.</param>
/// <param name="Pinned">Those holding a process.</param>
internal readonly record struct ConversationCounts(int Active, int Pinned);
