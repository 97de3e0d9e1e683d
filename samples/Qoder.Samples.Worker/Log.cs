namespace Qoder.Samples.Worker;

/// <summary>The sample's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Offline mode: no Qoder:PersonalAccessToken is configured, so the real qodercli answers from the scripted model in offline-model.jsonl (no account, no network). Set one with `dotnet user-secrets set Qoder:PersonalAccessToken <pat>`.")]
    public static partial void OfflineMode(ILogger logger);

    [LoggerMessage(2, LogLevel.Information, "Session {SessionId}: {Prompt} -> [{Subtype}] {Answer}")]
    public static partial void Answer(ILogger logger, string? sessionId, string prompt, string subtype, string answer);
}
