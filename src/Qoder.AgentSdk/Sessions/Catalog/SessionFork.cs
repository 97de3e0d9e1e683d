using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Sessions;

/// <summary>
/// Copies a session's active chain into a new session: every entry gets a new uuid (parents remapped, progress entries
/// skipped), the new session id, <c>isSidechain: false</c> and a <c>forkedFrom</c> pointer to its source, followed by a
/// <c>custom-title</c> entry naming the fork.
/// </summary>
internal static class SessionFork
{
    // The CLI writes non-ASCII text as it is; the default encoder would escape it (and '+', '<', ...) on every copy.
    private static readonly JsonSerializerOptions Verbatim = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Dropped = ["teamName", "agentName", "sessionKind", "slug", "sourceToolAssistantUUID"];

    public static IReadOnlyList<JsonElement> Copy(
        IReadOnlyList<TranscriptEntry> source, string sourceId, string forkId, QoderSessionForkOptions options, TimeProvider time)
    {
        var chain = TranscriptChain.Build(source, sourceId, QoderSessionMessageView.Historical).Where(e => !e.IsSidechain).ToList();
        if (chain.Count == 0)
        {
            throw new InvalidOperationException($"Session {sourceId} has no messages to fork.");
        }

        if (options.UpToMessageId is { } last)
        {
            var end = chain.FindIndex(e => e.Uuid == last);
            if (end < 0)
            {
                throw new ArgumentException($"Message {last} is not in the active chain of session {sourceId}.", nameof(options));
            }

            chain = chain[..(end + 1)];
        }

        var byUuid = chain.ToDictionary(e => e.Uuid!, StringComparer.Ordinal);
        var newIds = chain.ToDictionary(e => e.Uuid!, _ => Guid.NewGuid().ToString(), StringComparer.Ordinal);
        var kept = chain.Where(e => e.Type != "progress").ToList();
        if (kept.Count == 0)
        {
            throw new InvalidOperationException($"Session {sourceId} has no messages to fork.");
        }

        var now = time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var copied = new List<JsonElement>(kept.Count + 1);
        for (var i = 0; i < kept.Count; i++)
        {
            var entry = kept[i];
            var node = JsonNode.Parse(entry.Element.GetRawText())!.AsObject();
            foreach (var name in Dropped)
            {
                node.Remove(name);
            }

            node["uuid"] = newIds[entry.Uuid!];
            node["parentUuid"] = NearestKeptParent(entry, byUuid, newIds);
            node["logicalParentUuid"] = entry.LogicalParentUuid is { } logical ? newIds.GetValueOrDefault(logical) : null;
            node["sessionId"] = forkId;
            node["isSidechain"] = false;
            node["timestamp"] = i == kept.Count - 1 ? now : entry.Timestamp ?? now;
            node["forkedFrom"] = new JsonObject { ["sessionId"] = sourceId, ["messageUuid"] = entry.Uuid };
            copied.Add(ToElement(node));
        }

        var sourceTitle = SessionSummary.From(sourceId, source, null)?.Summary ?? "Forked session";
        var title = string.IsNullOrWhiteSpace(options.Title) ? sourceTitle + " (fork)" : options.Title.Trim();
        copied.Add(ToElement(new JsonObject
        {
            ["type"] = "custom-title",
            ["sessionId"] = forkId,
            ["customTitle"] = title,
            ["uuid"] = Guid.NewGuid().ToString(),
            ["timestamp"] = now,
        }));
        return copied;
    }

    public static JsonElement ToElement(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString(Verbatim));
        return document.RootElement.Clone();
    }

    private static string? NearestKeptParent(TranscriptEntry entry, Dictionary<string, TranscriptEntry> byUuid, Dictionary<string, string> newIds)
    {
        for (var parent = entry.ParentUuid; parent is not null && byUuid.TryGetValue(parent, out var node); parent = node.ParentUuid)
        {
            if (node.Type != "progress")
            {
                return newIds[parent];
            }
        }

        return null;
    }
}
