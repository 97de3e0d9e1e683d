namespace Qoder.AgentSdk.Sessions;

/// <summary>
/// The active branch of a transcript tree. Entries are linked by <c>uuid</c>/<c>parentUuid</c>; the branch ends at the
/// session's last <c>active-leaf</c> entry (or, in transcripts without one, at the newest main-chain leaf) and is read back
/// to the root. Parallel tool calls of one response are written as a chain of assistant entries whose tool results each
/// hang off their own call, so those results (and calls off the branch) are put back beside the response.
/// </summary>
internal static class TranscriptChain
{
    public static IReadOnlyList<TranscriptEntry> Build(IReadOnlyList<TranscriptEntry> all, string sessionId, QoderSessionMessageView view)
    {
        var nodes = new Dictionary<string, TranscriptEntry>(StringComparer.Ordinal);
        foreach (var entry in all.Where(e => e.InChain))
        {
            nodes[entry.Uuid!] = entry;
        }

        if (nodes.Count == 0)
        {
            return [];
        }

        var leaf = ActiveLeaf(all, sessionId, nodes, out var cleared);
        if (cleared)
        {
            return [];
        }

        leaf ??= NewestLeaf(nodes);
        if (leaf is null)
        {
            return [];
        }

        var chain = new List<TranscriptEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = leaf; current is not null && seen.Add(current.Uuid!);)
        {
            chain.Add(current);
            var parent = view == QoderSessionMessageView.Historical && current.IsCompactBoundary
                ? current.LogicalParentUuid ?? current.ParentUuid
                : current.ParentUuid;
            current = parent is not null ? nodes.GetValueOrDefault(parent) : null;
        }

        chain.Reverse();
        if (view == QoderSessionMessageView.Runtime && chain.FindLastIndex(e => e.IsCompactBoundary) is var boundary and > 0)
        {
            chain = chain[boundary..];
        }

        return WithParallelToolResults(nodes.Values, chain);
    }

    private static TranscriptEntry? ActiveLeaf(IReadOnlyList<TranscriptEntry> all, string sessionId, Dictionary<string, TranscriptEntry> nodes, out bool cleared)
    {
        cleared = false;
        TranscriptEntry? marker = null;
        foreach (var entry in all)
        {
            if (entry.Type == "active-leaf" && entry.SessionId == sessionId && entry.Element.TryGetProperty("leafUuid", out var leaf)
                && leaf.ValueKind is System.Text.Json.JsonValueKind.String or System.Text.Json.JsonValueKind.Null)
            {
                marker = entry;
            }
        }

        if (marker is null)
        {
            return null;
        }

        var leafUuid = marker.Field("leafUuid");
        if (leafUuid is null)
        {
            cleared = true;
            return null;
        }

        return nodes.GetValueOrDefault(leafUuid) is { } node && (node.SessionId is null || node.SessionId == sessionId) ? node : null;
    }

    /// <summary>For transcripts without an active-leaf marker: the last-written leaf that ends in a message, main chain first.</summary>
    private static TranscriptEntry? NewestLeaf(Dictionary<string, TranscriptEntry> nodes)
    {
        var parents = nodes.Values.Where(e => e.ParentUuid is not null).Select(e => e.ParentUuid!).ToHashSet(StringComparer.Ordinal);
        var candidates = new List<TranscriptEntry>();
        foreach (var tip in nodes.Values.Where(e => !parents.Contains(e.Uuid!)))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var current = tip; current is not null && seen.Add(current.Uuid!);)
            {
                if (current.Type is "user" or "assistant")
                {
                    candidates.Add(current);
                    break;
                }

                current = current.ParentUuid is { } parent ? nodes.GetValueOrDefault(parent) : null;
            }
        }

        var main = candidates.Where(e => !e.IsSidechain && !e.HasTeamName && !e.IsMeta).ToList();
        return (main.Count > 0 ? main : candidates).MaxBy(e => e.Index);
    }

    private static List<TranscriptEntry> WithParallelToolResults(IEnumerable<TranscriptEntry> nodes, List<TranscriptEntry> chain)
    {
        var inChain = chain.Select(e => e.Uuid!).ToHashSet(StringComparer.Ordinal);
        var byMessageId = new Dictionary<string, List<TranscriptEntry>>(StringComparer.Ordinal);
        var resultsByParent = new Dictionary<string, List<TranscriptEntry>>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (node.MessageId is { } id)
            {
                Add(byMessageId, id, node);
            }
            else if (node.IsToolResult)
            {
                Add(resultsByParent, node.ParentUuid!, node);
            }
        }

        // The response's last call on the branch is the anchor; everything of the response off the branch goes next to it.
        var anchors = new Dictionary<string, TranscriptEntry>(StringComparer.Ordinal);
        foreach (var entry in chain.Where(e => e.MessageId is not null))
        {
            anchors[entry.MessageId!] = entry;
        }

        var inserts = new Dictionary<string, (List<TranscriptEntry> Before, List<TranscriptEntry> After)>(StringComparer.Ordinal);
        foreach (var (messageId, anchor) in anchors)
        {
            var calls = byMessageId[messageId].OrderBy(e => e.Timestamp, StringComparer.Ordinal).ThenBy(e => e.Index).ToList();
            var results = calls
                .SelectMany(c => resultsByParent.GetValueOrDefault(c.Uuid!) ?? [])
                .Where(r => !inChain.Contains(r.Uuid!))
                .OrderBy(e => e.Timestamp, StringComparer.Ordinal).ThenBy(e => e.Index)
                .ToList();
            var before = calls.Where(c => c.Index < anchor.Index && !inChain.Contains(c.Uuid!)).ToList();
            var after = calls.Where(c => c.Index > anchor.Index && !inChain.Contains(c.Uuid!)).Concat(results).ToList();
            if (before.Count + after.Count > 0)
            {
                inserts[anchor.Uuid!] = (before, after);
                inChain.UnionWith(before.Concat(after).Select(e => e.Uuid!));
            }
        }

        if (inserts.Count == 0)
        {
            return chain;
        }

        var spliced = new List<TranscriptEntry>(chain.Count + inserts.Values.Sum(i => i.Before.Count + i.After.Count));
        foreach (var entry in chain)
        {
            if (inserts.TryGetValue(entry.Uuid!, out var around))
            {
                spliced.AddRange(around.Before);
                spliced.Add(entry);
                spliced.AddRange(around.After);
            }
            else
            {
                spliced.Add(entry);
            }
        }

        return spliced;
    }

    private static void Add(Dictionary<string, List<TranscriptEntry>> map, string key, TranscriptEntry entry)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(entry);
    }
}
