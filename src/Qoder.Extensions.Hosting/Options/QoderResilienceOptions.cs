using System.ComponentModel.DataAnnotations;

namespace Qoder.Extensions.Hosting;

/// <summary>The default resilience pipeline of an agent (configuration section <c>Qoder:Resilience</c>).</summary>
public sealed class QoderResilienceOptions
{
    /// <summary>Gets or sets the limit for a whole run including retries; <see cref="Timeout.InfiniteTimeSpan"/> or zero disables it.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets or sets the limit for one attempt; <see cref="Timeout.InfiniteTimeSpan"/> or zero disables it.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets how many times a failure without side effects is retried (0 disables retries).</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>Gets or sets the base delay between retries (exponential with jitter).</summary>
    [TimeSpanRange("00:00:00", "00:05:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets a value indicating whether the circuit breaker is part of the pipeline.</summary>
    public bool CircuitBreakerEnabled { get; set; } = true;

    /// <summary>Gets or sets the share of failed attempts in <see cref="CircuitBreakerSamplingDuration"/> that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Gets or sets how many attempts must be seen in the sampling window before the circuit can open.</summary>
    [Range(2, 10000)]
    public int CircuitBreakerMinimumThroughput { get; set; } = 10;

    /// <summary>Gets or sets the window in which failures are counted.</summary>
    [TimeSpanRange("00:00:00.500", "01:00:00")]
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets how long the circuit stays open.</summary>
    [TimeSpanRange("00:00:00.500", "01:00:00")]
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
