namespace Qoder.AgentSdk.Sessions;

/// <summary>
/// Derives the store key of a mirrored transcript from its <c>filePath</c>: the segments after the last <c>projects</c>
/// segment are <c>&lt;project-key&gt;/&lt;session-id&gt;.jsonl</c> (the main transcript) or
/// <c>&lt;project-key&gt;/&lt;session-id&gt;/&lt;subpath&gt;.jsonl</c> (a subagent's, for example).
/// </summary>
internal static class TranscriptMirrorKey
{
    private const string Extension = ".jsonl";

    public static bool TryParse(string filePath, out QoderSessionKey key, out string reason)
    {
        key = null!;
        var segments = filePath.Split(['/', '\\']);
        var projects = Array.LastIndexOf(segments, "projects");
        if (projects < 0)
        {
            reason = "the path has no 'projects' folder";
            return false;
        }

        var rest = segments[(projects + 1)..];
        if (rest.Length < 2 || !rest[^1].EndsWith(Extension, StringComparison.Ordinal) || Array.Exists(rest, s => s.Length == 0))
        {
            reason = "the path does not name a .jsonl transcript under a project folder";
            return false;
        }

        var projectKey = rest[0];
        if (rest.Length == 2)
        {
            var sessionId = rest[1][..^Extension.Length];
            if (!IsUuid(sessionId))
            {
                reason = "the transcript's name is not a session UUID";
                return false;
            }

            key = new QoderSessionKey(projectKey, sessionId);
            reason = string.Empty;
            return true;
        }

        if (!IsUuid(rest[1]))
        {
            reason = "the transcript's folder is not a session UUID";
            return false;
        }

        var subpathSegments = rest[2..];
        subpathSegments[^1] = subpathSegments[^1][..^Extension.Length];
        foreach (var segment in subpathSegments)
        {
            if (segment.Length == 0 || segment is "." or ".." || segment.Contains(':', StringComparison.Ordinal))
            {
                reason = "the subpath has an empty, '.', '..' or drive segment";
                return false;
            }
        }

        key = new QoderSessionKey(projectKey, rest[1], string.Join('/', subpathSegments));
        reason = string.Empty;
        return true;
    }

    private static bool IsUuid(string text) => text.Length == 36 && Guid.TryParseExact(text, "D", out _);
}
