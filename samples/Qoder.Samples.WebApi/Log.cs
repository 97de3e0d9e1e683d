namespace Qoder.Samples.WebApi;

/// <summary>The sample's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Offline mode: no Qoder:PersonalAccessToken is configured, so the real qodercli answers from the scripted model in offline-model.jsonl (no account, no network). Set one with `dotnet user-secrets set Qoder:PersonalAccessToken <pat>`.")]
    public static partial void OfflineMode(ILogger logger);

    [LoggerMessage(2, LogLevel.Information, "Online mode: qodercli authenticates with the configured Personal Access Token.")]
    public static partial void OnlineMode(ILogger logger);

    [LoggerMessage(3, LogLevel.Information, "Tool permission for {Tool}: allowed={Allowed} {Reason}")]
    public static partial void PermissionDecided(ILogger logger, string tool, bool allowed, string? reason);
}
