namespace Qoder.Extensions.Hosting;

/// <summary>The names of the tracing source, the meter, their instruments and attributes.</summary>
public static class QoderTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name (one span per run).</summary>
    public const string ActivitySourceName = "Qoder.Extensions.Hosting";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name.</summary>
    public const string MeterName = "Qoder.Extensions.Hosting";

    /// <summary>Gauge: idle processes ready for a lease.</summary>
    public const string PoolIdle = "qoder.pool.processes.idle";

    /// <summary>Gauge: processes leased to a session.</summary>
    public const string PoolBusy = "qoder.pool.processes.busy";

    /// <summary>Gauge: processes being started.</summary>
    public const string PoolStarting = "qoder.pool.processes.starting";

    /// <summary>Gauge: callers waiting for a process.</summary>
    public const string PoolPendingRequests = "qoder.pool.pending_requests";

    /// <summary>Histogram (s): spawn to initialised.</summary>
    public const string PoolProcessStartTime = "qoder.pool.process.start_time";

    /// <summary>Histogram (s): a caller's wait for a lease.</summary>
    public const string PoolLeaseWaitTime = "qoder.pool.lease.wait_time";

    /// <summary>Counter: processes that ended while idle.</summary>
    public const string PoolProcessCrashes = "qoder.pool.process.crashes";

    /// <summary>Counter: processes retired (used, recycled, crashed, evicted), tagged with <see cref="ReasonAttribute"/>.</summary>
    public const string PoolProcessRetired = "qoder.pool.process.retired";

    /// <summary>Histogram (s): a run from call to result.</summary>
    public const string RunDuration = "qoder.run.duration";

    /// <summary>Counter: results, tagged with <see cref="ResultSubtypeAttribute"/>.</summary>
    public const string RunResults = "qoder.run.results";

    /// <summary>Histogram ({token}): GenAI token usage, tagged with <see cref="GenAiTokenTypeAttribute"/>.</summary>
    public const string TokenUsage = "gen_ai.client.token.usage";

    /// <summary>Gauge: conversations open on this host (pinned or not).</summary>
    public const string ConversationsActive = "qoder.conversations.active";

    /// <summary>Gauge: conversations holding a process between turns.</summary>
    public const string ConversationsPinned = "qoder.conversations.pinned";

    /// <summary>Counter: conversations started.</summary>
    public const string ConversationsStarted = "qoder.conversations.started";

    /// <summary>Counter: conversations evicted from their process, tagged with <see cref="ReasonAttribute"/> (idle-timeout, pool-full, max-pinned, crashed, turn-failed, host-stopping).</summary>
    public const string ConversationsEvicted = "qoder.conversations.evicted";

    /// <summary>Counter: conversations resumed on a new process, tagged with <see cref="ResumeSourceAttribute"/>.</summary>
    public const string ConversationsResumed = "qoder.conversations.resumed";

    /// <summary>Attribute: where a conversation was resumed from, <c>local</c> or <c>store</c>.</summary>
    public const string ResumeSourceAttribute = "qoder.resume.source";

    /// <summary>The operation of the span that starts a conversation (<c>create_conversation &lt;agent&gt;</c>).</summary>
    public const string CreateConversationOperation = "create_conversation";

    /// <summary>The operation of the span that resumes a conversation on a new process (a child of the turn's span).</summary>
    public const string ResumeConversationOperation = "resume_conversation";

    /// <summary>Attribute: the agent name on the pool and run instruments (<c>default</c> for the unnamed agent).</summary>
    public const string AgentNameAttribute = "qoder.agent.name";

    /// <summary>Attribute: the result subtype (<c>success</c>, <c>error_during_execution</c>, …).</summary>
    public const string ResultSubtypeAttribute = "qoder.result.subtype";

    /// <summary>Attribute: why a process was retired.</summary>
    public const string ReasonAttribute = "qoder.reason";

    /// <summary>Attribute (OpenTelemetry GenAI): the provider, always <see cref="GenAiProviderNameValue"/>.</summary>
    public const string GenAiProviderNameAttribute = "gen_ai.provider.name";

    /// <summary>The value of <see cref="GenAiProviderNameAttribute"/>.</summary>
    public const string GenAiProviderNameValue = "qoder";

    /// <summary>Attribute (OpenTelemetry GenAI): the agent name on the run's span (<c>default</c> for the unnamed agent).</summary>
    public const string GenAiAgentNameAttribute = "gen_ai.agent.name";

    /// <summary>Attribute (OpenTelemetry GenAI): the operation, always <see cref="GenAiOperationNameValue"/>.</summary>
    public const string GenAiOperationNameAttribute = "gen_ai.operation.name";

    /// <summary>The value of <see cref="GenAiOperationNameAttribute"/>: a run invokes an agent.</summary>
    public const string GenAiOperationNameValue = "invoke_agent";

    /// <summary>Attribute: the requested model.</summary>
    public const string GenAiRequestModelAttribute = "gen_ai.request.model";

    /// <summary>Attribute: the session id.</summary>
    public const string GenAiConversationIdAttribute = "gen_ai.conversation.id";

    /// <summary>Attribute: input tokens of the run.</summary>
    public const string GenAiUsageInputTokensAttribute = "gen_ai.usage.input_tokens";

    /// <summary>Attribute: output tokens of the run.</summary>
    public const string GenAiUsageOutputTokensAttribute = "gen_ai.usage.output_tokens";

    /// <summary>Attribute: <c>input</c> or <c>output</c> on <see cref="TokenUsage"/>.</summary>
    public const string GenAiTokenTypeAttribute = "gen_ai.token.type";

    /// <summary>Attribute (OpenTelemetry): the full name of the exception type a failed run ended with.</summary>
    public const string ErrorTypeAttribute = "error.type";
}
