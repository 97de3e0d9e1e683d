using System.Text.Json;

namespace Qoder.AgentSdk.Sessions;

/// <summary>Turns transcript entries into <see cref="QoderSessionMessage"/>s.</summary>
internal static class SessionMessages
{
    public static IReadOnlyList<QoderSessionMessage> Main(IReadOnlyList<TranscriptEntry> entries, string sessionId, QoderSessionQuery query) =>
        query.Page(
            [.. TranscriptChain.Build(entries, sessionId, query.View)
                .Where(e => IsVisible(e, query))
                .Select(e => ToMessage(e, sessionId))]);

    /// <summary>A subagent transcript is one linear chain: read back from its last message.</summary>
    public static IReadOnlyList<QoderSessionMessage> Subagent(IReadOnlyList<TranscriptEntry> entries, string sessionId, QoderSessionQuery query)
    {
        var messages = entries.Where(e => e.Uuid is not null && e.Type is "user" or "assistant").ToList();
        if (messages.Count == 0)
        {
            return [];
        }

        var byUuid = messages.GroupBy(e => e.Uuid!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var chain = new List<TranscriptEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = messages[^1]; current is not null && seen.Add(current.Uuid!);)
        {
            chain.Add(current);
            current = current.ParentUuid is { } parent ? byUuid.GetValueOrDefault(parent) : null;
        }

        chain.Reverse();
        return query.Page([.. chain.Select(e => ToMessage(e, sessionId))]);
    }

    private static bool IsVisible(TranscriptEntry entry, QoderSessionQuery query)
    {
        if (query.View == QoderSessionMessageView.Historical && (entry.IsCompactSummary || entry.IsCompactBoundary))
        {
            return false;
        }

        var shown = entry.Type is "user" or "assistant" || (query.IncludeSystemMessages && entry.Type == "system");
        return shown && !entry.IsMeta && !entry.IsSidechain && !entry.HasTeamName;
    }

    private static QoderSessionMessage ToMessage(TranscriptEntry entry, string sessionId) =>
        new(entry.Type, entry.Uuid!, entry.SessionId ?? sessionId, entry.Element.TryGetProperty("message", out var message) ? message.Clone() : default)
        {
            IsApiErrorMessage = entry.Type == "assistant" && entry.Element.TryGetProperty("isApiErrorMessage", out var error) && error.ValueKind == JsonValueKind.True,
            ToolUseResult = entry.Type == "user" && entry.Element.TryGetProperty("toolUseResult", out var result) ? result.Clone() : null,
            Timestamp = entry.Timestamp is { Length: > 0 } stamp ? stamp : null,
            Subtype = entry.Type == "system" ? entry.Subtype : null,
        };
}
