using System.Collections;

namespace Qoder.AgentSdk;

/// <summary>The hooks of a client, in registration order. Each callback gets an id (<c>hook_0</c>, <c>hook_1</c>, …) on <c>initialize</c>.</summary>
public sealed partial class QoderHookCollection : IReadOnlyList<QoderHookMatcher>
{
    private readonly List<QoderHookMatcher> _matchers = [];

    /// <inheritdoc/>
    public int Count => _matchers.Count;

    /// <inheritdoc/>
    public QoderHookMatcher this[int index] => _matchers[index];

    /// <summary>Registers a callback for every occurrence of an event.</summary>
    /// <param name="hookEvent">The event.</param>
    /// <param name="callback">The callback.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection Add(QoderHookEvent hookEvent, QoderHookCallback callback) => Add(hookEvent, null, null, callback);

    /// <summary>Registers a callback for an event, filtered by a matcher.</summary>
    /// <param name="hookEvent">The event.</param>
    /// <param name="matcher">The matcher (see <see cref="QoderHookMatcher.Matcher"/>).</param>
    /// <param name="timeoutSeconds">How long the CLI waits for the callback, in seconds.</param>
    /// <param name="callback">The callback.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection Add(QoderHookEvent hookEvent, string? matcher, int? timeoutSeconds, QoderHookCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Add(new QoderHookMatcher(hookEvent, matcher, timeoutSeconds, [callback]));
    }

    /// <summary>Adds a registration.</summary>
    /// <param name="matcher">The registration.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection Add(QoderHookMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        _matchers.Add(matcher);
        return this;
    }

    /// <summary>Removes every registration.</summary>
    public void Clear() => _matchers.Clear();

    /// <inheritdoc/>
    public IEnumerator<QoderHookMatcher> GetEnumerator() => _matchers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void CopyTo(QoderHookCollection target) => target._matchers.AddRange(_matchers);

    /// <summary>The registrations with the wire ids of their callbacks; the ids depend only on the registration order, so the registration and the dispatch agree.</summary>
    internal IEnumerable<(QoderHookMatcher Matcher, string[] Ids)> Registrations()
    {
        var index = 0;
        foreach (var matcher in _matchers)
        {
            var ids = new string[matcher.Callbacks.Count];
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = $"hook_{index++}";
            }

            yield return (matcher, ids);
        }
    }

    internal (QoderHookMatcher Matcher, QoderHookCallback Callback)? FindRegistration(string? callbackId)
    {
        foreach (var (matcher, ids) in Registrations())
        {
            var position = Array.IndexOf(ids, callbackId);
            if (position >= 0)
            {
                return (matcher, matcher.Callbacks[position]);
            }
        }

        return null;
    }
}
