using System.Collections.Frozen;

namespace Qoder.AgentSdk;

/// <summary>Wire names of <see cref="QoderHookEvent"/>.</summary>
public static class QoderHookEventExtensions
{
    private static readonly FrozenDictionary<string, QoderHookEvent> ByName =
        Enum.GetValues<QoderHookEvent>().ToFrozenDictionary(e => e.ToString(), StringComparer.Ordinal);

    /// <summary>The event name as the protocol spells it (the member name, such as <c>PreToolUse</c>).</summary>
    /// <param name="hookEvent">The event.</param>
    /// <returns>The wire name.</returns>
    public static string ToWireName(this QoderHookEvent hookEvent) =>
        Enum.IsDefined(hookEvent) ? hookEvent.ToString() : throw new ArgumentOutOfRangeException(nameof(hookEvent), hookEvent, "Unknown hook event.");

    internal static QoderHookEvent? ParseWireName(string? name) =>
        name is not null && ByName.TryGetValue(name, out var value) ? value : null;
}
