namespace Qoder.AgentSdk.Sessions;

/// <summary>A session a catalog source knows of, before its entries are read.</summary>
internal sealed record SessionHandle(string SessionId, DateTimeOffset Modified, long? FileSize, string? DefaultCwd);
