using System.Globalization;
using System.Text.RegularExpressions;

namespace Qoder.AgentSdk.Sessions;

/// <summary>Builds <see cref="QoderSessionInfo"/> from a transcript's entries, by the official SDKs' rules.</summary>
internal static partial class SessionSummary
{
    private const int PromptLength = 200;

    /// <summary>Returns <see langword="null"/> for a subagent's transcript or one with nothing to show.</summary>
    public static QoderSessionInfo? From(string sessionId, IReadOnlyList<TranscriptEntry> entries, DateTimeOffset? modified, long? fileSize = null, string? defaultCwd = null)
    {
        if (entries.Count == 0 || entries[0].IsSidechain)
        {
            return null;
        }

        string? firstPrompt = null, commandFallback = null, customTitle = null, aiTitle = null, lastPrompt = null, summary = null;
        string? tag = null, gitBranch = null, cwd = null;
        DateTimeOffset? createdAt = null, newest = null;
        foreach (var entry in entries)
        {
            if (entry.Timestamp is { } stamp && DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            {
                createdAt ??= time;
                newest = newest is null || time > newest ? time : newest;
            }

            firstPrompt ??= Prompt(entry, ref commandFallback);
            switch (entry.Type)
            {
                case "custom-title" when entry.Field("customTitle") is { } custom:
                    customTitle = custom;
                    break;
                case "ai-title" when entry.Field("aiTitle") is { } ai:
                    aiTitle = ai;
                    break;
                case "tag":
                    tag = entry.Field("tag") is { Length: > 0 } value ? value : null;
                    break;
                case "relocated" when entry.Field("relocatedCwd") is { } moved:
                    cwd = moved;
                    break;
            }

            lastPrompt = entry.Field("lastPrompt") ?? lastPrompt;
            summary = entry.Field("summary") ?? summary;
            gitBranch = entry.Field("gitBranch") ?? gitBranch;
            if (cwd is null && entry.Type != "relocated")
            {
                cwd = entry.Field("cwd");
            }
        }

        var prompt = firstPrompt ?? commandFallback;
        var title = string.IsNullOrEmpty(customTitle) ? aiTitle : customTitle;
        var display = new[] { title, lastPrompt, summary, prompt }.FirstOrDefault(s => !string.IsNullOrEmpty(s));
        if (display is null)
        {
            return null;
        }

        return new QoderSessionInfo(sessionId, display, modified ?? newest ?? DateTimeOffset.UnixEpoch)
        {
            FileSize = fileSize,
            CustomTitle = string.IsNullOrEmpty(title) ? null : title,
            FirstPrompt = prompt,
            GitBranch = gitBranch,
            Cwd = cwd ?? defaultCwd,
            Tag = tag,
            CreatedAt = createdAt,
        };
    }

    /// <summary>The text a human typed, skipping tool results, meta and compact summaries, markup and interruption notices.</summary>
    private static string? Prompt(TranscriptEntry entry, ref string? commandFallback)
    {
        if (entry.Type != "user" || entry.IsMeta || entry.IsCompactSummary || entry.Message is not { } message)
        {
            return null;
        }

        var texts = new List<string>();
        if (message.TryGetProperty("content", out var content) && content.ValueKind == System.Text.Json.JsonValueKind.String)
        {
            texts.Add(content.GetString()!);
        }

        foreach (var block in entry.Blocks())
        {
            switch (TranscriptEntry.Text(block, "type"))
            {
                case "tool_result":
                    return null;
                case "text" when TranscriptEntry.Text(block, "text") is { } text:
                    texts.Add(text);
                    break;
            }
        }

        foreach (var raw in texts)
        {
            var text = raw.Replace('\n', ' ').Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (CommandName().Match(text) is { Success: true } command)
            {
                commandFallback ??= command.Groups[1].Value;
                continue;
            }

            if (BashInput().Match(text) is { Success: true } bash)
            {
                return "! " + bash.Groups[1].Value.Trim();
            }

            if (!Markup().IsMatch(text))
            {
                return Cut(text);
            }
        }

        return null;
    }

    private static string Cut(string text)
    {
        if (text.Length <= PromptLength)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[PromptLength - 1]) ? text[..(PromptLength - 1)] : text[..PromptLength];
        return cut.Trim() + "\u2026";
    }

    [GeneratedRegex(@"^(?:\s*<[a-z][\w-]*[\s>]|\[Request interrupted by user[^\]]*\])")]
    private static partial Regex Markup();

    [GeneratedRegex("<command-name>(.*?)</command-name>")]
    private static partial Regex CommandName();

    [GeneratedRegex(@"<bash-input>([\s\S]*?)</bash-input>")]
    private static partial Regex BashInput();
}
