using Microsoft.Extensions.Logging;

namespace Qoder.Extensions.Hosting.Callbacks;

/// <summary>Log messages of the host callbacks.</summary>
internal static partial class CallbackLog
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "Disposing the DI scope of a Qoder session failed.")]
    public static partial void ScopeDisposeFailed(ILogger logger, Exception exception);
}
