using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using Qoder.AgentSdk;
using Qoder.Extensions.Hosting.Diagnostics;

namespace Qoder.Extensions.Hosting;

/// <summary>
/// The resilience pipeline of hosted agents and the rule for what may be retried: only failures that cannot have had
/// side effects. Use <see cref="IsTransient"/> when replacing the pipeline with <c>ConfigureResilience</c>.
/// </summary>
public static class QoderResilience
{
    /// <summary>
    /// Set on the <see cref="ResilienceContext"/> once the CLI accepted the prompt: a <c>command_lifecycle</c> message for
    /// the uuid returned by <c>SendAsync</c>, or any message other than the lifecycle of another message. From then on
    /// nothing is retried.
    /// </summary>
    public static readonly ResiliencePropertyKey<bool> TurnStartedKey = new("Qoder.TurnStarted");

    /// <summary>Gets the key the agent's pipeline is registered under with <c>AddResiliencePipeline</c>.</summary>
    /// <param name="agentName">The agent name; empty for the default agent.</param>
    /// <returns>The pipeline key.</returns>
    public static string PipelineKey(string agentName) =>
        string.IsNullOrEmpty(agentName) ? "Qoder" : "Qoder:" + agentName;

    /// <summary>Decides whether a failed attempt may be retried.</summary>
    /// <param name="exception">The failure.</param>
    /// <param name="context">The execution's context; when it says the turn started, nothing is retried.</param>
    /// <returns><see langword="true"/> when the failure happened before the prompt could have had any effect and a new attempt may succeed.</returns>
    public static bool IsTransient(Exception exception, ResilienceContext? context)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (context is not null && context.Properties.GetValue(TurnStartedKey, false))
        {
            return false;
        }

        return exception switch
        {
            QoderAuthenticationException or QoderConfigurationException or QoderCliNotFoundException => false,
            QoderProtocolVersionMismatchException or QoderPoolExhaustedException => false,
            // 126/127: the launcher (setsid, a shell) could not execute the CLI, as permanent as QoderCliNotFoundException.
            QoderProcessExitedException { ExitCode: 126 or 127 } => false,
            QoderProcessExitedException or QoderTurnEndedWithoutResultException => true,
            QoderControlTimeoutException timeout => timeout.Subtype == "initialize",
            QoderControlRequestException request => request.Retryable,
            TimeoutRejectedException => true,
            _ => false,
        };
    }

    /// <summary>Adds the default strategies: total timeout → retry → circuit breaker → attempt timeout.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">The settings.</param>
    /// <param name="logger">Receives a log per retry.</param>
    /// <param name="agentName">The agent name, for logs.</param>
    /// <returns>The builder.</returns>
    public static ResiliencePipelineBuilder AddQoderDefaults(this ResiliencePipelineBuilder builder, QoderResilienceOptions options, ILogger? logger = null, string agentName = "default")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        if (options.TotalTimeout > TimeSpan.Zero)
        {
            builder.AddTimeout(options.TotalTimeout);
        }

        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && IsTransient(ex, args.Context)),
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    if (logger is not null)
                    {
                        QoderHostingLog.Retrying(logger, args.Outcome.Exception, agentName, args.AttemptNumber + 1);
                    }

                    return ValueTask.CompletedTask;
                },
            });
        }

        if (options.CircuitBreakerEnabled)
        {
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && CountsForBreaker(ex)),
                FailureRatio = options.CircuitBreakerFailureRatio,
                MinimumThroughput = options.CircuitBreakerMinimumThroughput,
                SamplingDuration = options.CircuitBreakerSamplingDuration,
                BreakDuration = options.CircuitBreakerBreakDuration,
            });
        }

        if (options.AttemptTimeout > TimeSpan.Zero)
        {
            builder.AddTimeout(options.AttemptTimeout);
        }

        return builder;
    }

    // A CLI that keeps dying or hanging trips the breaker; caller cancellation and configuration mistakes do not.
    private static bool CountsForBreaker(Exception exception) =>
        exception is TimeoutRejectedException or QoderProcessExitedException or QoderTurnEndedWithoutResultException or QoderControlTimeoutException or QoderProtocolException or QoderAuthenticationException;
}
