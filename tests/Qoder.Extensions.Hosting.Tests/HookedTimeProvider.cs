using Microsoft.Extensions.Time.Testing;

namespace Qoder.Extensions.Hosting.Tests;

/// <summary>A fake clock that can run an action just before the callback of the next timer created with a given due time.</summary>
internal sealed class HookedTimeProvider(FakeTimeProvider inner) : TimeProvider
{
    private (TimeSpan DueTime, Action Before)? _hook;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public void BeforeNextTimer(TimeSpan dueTime, Action before) => _hook = (dueTime, before);

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (_hook is { } hook && hook.DueTime == dueTime)
        {
            _hook = null;
            return inner.CreateTimer(s => { hook.Before(); callback(s); }, state, dueTime, period);
        }

        return inner.CreateTimer(callback, state, dueTime, period);
    }
}
