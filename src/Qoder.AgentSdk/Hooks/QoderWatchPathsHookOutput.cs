using System.Text.Json.Nodes;

namespace Qoder.AgentSdk;

/// <summary>The files a CwdChanged or FileChanged hook wants watched from now on.</summary>
public sealed class QoderWatchPathsHookOutput : QoderHookSpecificOutput
{
    /// <summary>Initializes a new instance of the <see cref="QoderWatchPathsHookOutput"/> class.</summary>
    /// <param name="hookEvent"><see cref="QoderHookEvent.CwdChanged"/> or <see cref="QoderHookEvent.FileChanged"/>.</param>
    /// <param name="watchPaths">The paths whose changes raise FileChanged hooks.</param>
    public QoderWatchPathsHookOutput(QoderHookEvent hookEvent, IEnumerable<string> watchPaths)
    {
        ArgumentNullException.ThrowIfNull(watchPaths);
        if (hookEvent is not (QoderHookEvent.CwdChanged or QoderHookEvent.FileChanged))
        {
            throw new ArgumentOutOfRangeException(nameof(hookEvent), hookEvent, "Only CwdChanged and FileChanged hooks return watch paths.");
        }

        HookEvent = hookEvent;
        WatchPaths = [.. watchPaths];
    }

    /// <inheritdoc/>
    public override QoderHookEvent HookEvent { get; }

    /// <summary>Gets the paths to watch.</summary>
    public IReadOnlyList<string> WatchPaths { get; }

    private protected override void WriteFields(JsonObject json) => json["watchPaths"] = new JsonArray([.. WatchPaths.Select(p => (JsonNode?)p)]);
}
