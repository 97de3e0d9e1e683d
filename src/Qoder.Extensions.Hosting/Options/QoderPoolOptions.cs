using System.ComponentModel.DataAnnotations;

namespace Qoder.Extensions.Hosting;

/// <summary>Sizing and recycling of the pool of <c>qodercli</c> processes (configuration section <c>Qoder:Pool</c>).</summary>
public sealed class QoderPoolOptions
{
    /// <summary>Gets or sets how many initialised processes are kept ready. Each costs about 0.7 GB; 1 suits a small machine.</summary>
    [Range(0, 256)]
    public int MinIdle { get; set; } = 1;

    /// <summary>Gets or sets the most processes alive at once (idle, starting and leased).</summary>
    [Range(1, 256)]
    public int MaxSize { get; set; } = 4;

    /// <summary>Gets or sets how long a caller waits for a process before <see cref="QoderPoolExhaustedException"/>; it includes a cold start.</summary>
    [TimeSpanRange("00:00:00.001", "01:00:00")]
    public TimeSpan AcquireTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets how long a process may stay idle before it is recycled.</summary>
    [TimeSpanRange("00:00:01", "1.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Gets or sets the age after which an idle process is recycled.</summary>
    [TimeSpanRange("00:00:01", "7.00:00:00")]
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Gets or sets how many failed starts and idle crashes are tolerated within <see cref="RestartWindow"/> before background replenishing stops.</summary>
    [Range(1, 1000)]
    public int RestartBudget { get; set; } = 5;

    /// <summary>Gets or sets the window over which <see cref="RestartBudget"/> is counted.</summary>
    [TimeSpanRange("00:00:01", "1.00:00:00")]
    public TimeSpan RestartWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets the delay before the first background restart after a failure; it doubles with each consecutive failure.</summary>
    [TimeSpanRange("00:00:00", "00:10:00")]
    public TimeSpan RestartBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest background restart delay.</summary>
    [TimeSpanRange("00:00:00", "01:00:00")]
    public TimeSpan MaxRestartBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets how many CLI starts (spawn → <c>initialize</c> answered) may run at once; further starts queue. A start
    /// takes about a core for seconds, so a burst of replacements would otherwise starve the sessions being read. 0 (the
    /// default) means one per core (<see cref="Environment.ProcessorCount"/>). Read when the pool is created.
    /// </summary>
    [Range(0, 256)]
    public int MaxConcurrentStarts { get; set; }

    /// <summary>Gets the effective <see cref="MaxConcurrentStarts"/>: the configured value, or the core count for 0.</summary>
    internal int EffectiveMaxConcurrentStarts => MaxConcurrentStarts > 0 ? MaxConcurrentStarts : Math.Max(1, Environment.ProcessorCount);

    /// <summary>Gets or sets a value indicating whether host start waits until <see cref="MinIdle"/> processes are ready (and fails if the first start fails).</summary>
    public bool WaitForWarmUp { get; set; }
}
