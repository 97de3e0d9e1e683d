using System.Text.Json;

namespace Qoder.AgentSdk.Sessions;

/// <summary>One transcript line with the fields the catalog reads, parsed once.</summary>
internal sealed class TranscriptEntry
{
    /// <summary>The entry types that take part in the uuid/parentUuid tree.</summary>
    private static readonly HashSet<string> ChainTypes = new(StringComparer.Ordinal) { "user", "assistant", "system", "progress", "attachment" };

    private TranscriptEntry(JsonElement element, int index, string type)
    {
        Element = element;
        Index = index;
        Type = type;
        Uuid = Text(element, "uuid");
        ParentUuid = Text(element, "parentUuid");
        LogicalParentUuid = Text(element, "logicalParentUuid");
        SessionId = Text(element, "sessionId") ?? Text(element, "session_id");
        Subtype = Text(element, "subtype");
        Timestamp = Text(element, "timestamp");
        IsSidechain = Flag(element, "isSidechain");
        IsMeta = Flag(element, "isMeta");
        IsCompactSummary = Flag(element, "isCompactSummary");
        HasTeamName = element.TryGetProperty("teamName", out var team) && team.ValueKind == JsonValueKind.String && team.GetString()!.Length > 0;
        if (element.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object)
        {
            Message = message;
            MessageId = type == "assistant" && Text(message, "id") is { Length: > 0 } id ? id : null;
            if (message.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array)
            {
                Content = content;
            }
        }
    }

    public JsonElement Element { get; }

    public int Index { get; }

    public string Type { get; }

    public string? Uuid { get; }

    public string? ParentUuid { get; }

    public string? LogicalParentUuid { get; }

    public string? SessionId { get; }

    public string? Subtype { get; }

    public string? Timestamp { get; }

    public bool IsSidechain { get; }

    public bool IsMeta { get; }

    public bool IsCompactSummary { get; }

    public bool HasTeamName { get; }

    public JsonElement? Message { get; }

    public JsonElement? Content { get; }

    /// <summary>The API message id of an assistant entry; parallel tool calls of one response share it.</summary>
    public string? MessageId { get; }

    public bool InChain => Uuid is not null && ChainTypes.Contains(Type);

    public bool IsCompactBoundary => Type == "system" && Subtype == "compact_boundary";

    /// <summary>A user entry carrying tool results (the answer to an assistant's tool calls).</summary>
    public bool IsToolResult => Type == "user" && ParentUuid is not null && Blocks().Any(b => Text(b, "type") == "tool_result");

    public static IReadOnlyList<TranscriptEntry> From(IEnumerable<JsonElement> elements)
    {
        var entries = new List<TranscriptEntry>();
        foreach (var element in elements)
        {
            if (element.ValueKind == JsonValueKind.Object && Text(element, "type") is { } type)
            {
                entries.Add(new TranscriptEntry(element, entries.Count, type));
            }
        }

        return entries;
    }

    public IEnumerable<JsonElement> Blocks() => Content is { } content ? content.EnumerateArray() : [];

    public string? Field(string name) => Text(Element, name);

    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Flag(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
