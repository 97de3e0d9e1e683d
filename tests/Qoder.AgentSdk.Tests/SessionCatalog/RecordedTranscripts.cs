using System.Text.Json;
using Qoder.AgentSdk.Sessions;

namespace Qoder.AgentSdk.Tests.SessionCatalog;

/// <summary>The real CLI's transcripts vendored under Transcripts/, placed where the CLI would keep them.</summary>
internal sealed class RecordedTranscripts : IDisposable
{
    public const string ParallelTools = "d18c7224-73b5-4150-8e5a-ece50276efd8";
    public const string TwoTurns = "33cd94a3-7639-4376-ac98-989d1b08a293";

    private readonly TempDirectory _root = new("qoder-catalog-");

    public RecordedTranscripts()
    {
        Config = Path.Combine(_root.Path, "config");
        Work = Directory.CreateDirectory(Path.Combine(_root.Path, "work")).FullName;
        Project = Directory.CreateDirectory(Path.Combine(Config, "projects", QoderProjectKey.FromDirectory(Work))).FullName;
    }

    public string Config { get; }

    public string Work { get; }

    public string Project { get; }

    public static string FileOf(string sessionId) =>
        Path.Combine(AppContext.BaseDirectory, "SessionCatalog", "Transcripts", sessionId == ParallelTools ? "parallel-tools.jsonl" : "two-turns.jsonl");

    public static IReadOnlyList<JsonElement> Entries(string sessionId) =>
        [.. File.ReadAllLines(FileOf(sessionId)).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    /// <summary>Puts a recorded session into the work folder's project, with a chosen modification time.</summary>
    public string Place(string sessionId, DateTime modifiedUtc)
    {
        var path = Path.Combine(Project, sessionId + ".jsonl");
        File.Copy(FileOf(sessionId), path, overwrite: true);
        File.SetLastWriteTimeUtc(path, modifiedUtc);
        return path;
    }

    public void Dispose() => _root.Dispose();
}
