using System.Diagnostics;

namespace Qoder.Tests.Support;

/// <summary>
/// Waits for a condition that background work makes true: polls until it holds or the bound runs out, then fails with
/// the reason given. The bound guards against a hang; it is not a timing assertion.
/// </summary>
public static class Eventually
{
    /// <summary>The bound when none is given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    /// <summary>Polls <paramref name="condition"/> until it is true.</summary>
    /// <exception cref="EventuallyException">It was still false when <paramref name="timeout"/> ran out.</exception>
    public static async Task TrueAsync(Func<bool> condition, string because, TimeSpan? timeout = null, TimeSpan? interval = null)
    {
        await ValueAsync(() => condition() ? true : (bool?)null, because, timeout, interval).ConfigureAwait(false);
    }

    /// <summary>Polls an asynchronous <paramref name="condition"/> until it is true.</summary>
    /// <exception cref="EventuallyException">It was still false when <paramref name="timeout"/> ran out.</exception>
    public static async Task TrueAsync(Func<Task<bool>> condition, string because, TimeSpan? timeout = null, TimeSpan? interval = null)
    {
        var bound = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (!await condition().ConfigureAwait(false))
        {
            if (clock.Elapsed > bound)
            {
                throw new EventuallyException(because, bound);
            }

            await Task.Delay(interval ?? Interval).ConfigureAwait(false);
        }
    }

    /// <summary>Polls <paramref name="probe"/> until it returns a value, and returns that value.</summary>
    /// <exception cref="EventuallyException">It still returned nothing when <paramref name="timeout"/> ran out.</exception>
    public static async Task<T> ValueAsync<T>(Func<T?> probe, string because, TimeSpan? timeout = null, TimeSpan? interval = null)
        where T : struct
    {
        var bound = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (probe() is { } value)
            {
                return value;
            }

            if (clock.Elapsed > bound)
            {
                throw new EventuallyException(because, bound);
            }

            await Task.Delay(interval ?? Interval).ConfigureAwait(false);
        }
    }

    /// <summary>Polls <paramref name="probe"/> until it returns a non-null reference, and returns it.</summary>
    /// <exception cref="EventuallyException">It still returned null when <paramref name="timeout"/> ran out.</exception>
    public static async Task<T> ObjectAsync<T>(Func<T?> probe, string because, TimeSpan? timeout = null, TimeSpan? interval = null)
        where T : class
    {
        T? found = null;
        await TrueAsync(() => (found = probe()) is not null, because, timeout, interval).ConfigureAwait(false);
        return found!;
    }
}

/// <summary>A condition awaited with <see cref="Eventually"/> did not come true in time.</summary>
public sealed class EventuallyException : Exception
{
    public EventuallyException(string because, TimeSpan timeout)
        : base($"Timed out after {timeout.TotalSeconds:0.#} s waiting: {because}")
    {
    }

    public EventuallyException()
    {
    }

    public EventuallyException(string message)
        : base(message)
    {
    }

    public EventuallyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
