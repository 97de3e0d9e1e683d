using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Qoder.AgentSdk.Input;
using Qoder.AgentSdk.Protocol;
using Qoder.Extensions.Hosting.Diagnostics;
using Qoder.Extensions.Hosting.Pooling;

namespace Qoder.Extensions.Hosting.Conversations;

/// <summary>
/// Spans, metrics and logs of conversation turns. A turn records the same run instruments as <see cref="IQoderAgent"/>;
/// every span of a conversation carries <c>gen_ai.conversation.id</c> from its start.
/// </summary>
internal sealed class ConversationTelemetry
{
    private readonly QoderProcessPool _pool;
    private readonly QoderMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly KeyValuePair<string, object?> _agentTag;

    public ConversationTelemetry(QoderProcessPool pool, QoderMetrics metrics, TimeProvider time, ILogger logger)
    {
        _pool = pool;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _agentTag = new(QoderTelemetry.AgentNameAttribute, pool.DisplayName);
    }

    public Activity? StartActivity(string operation, string? conversationId)
    {
        var activity = QoderActivitySource.Instance.StartActivity($"{operation} {_pool.DisplayName}", ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag(QoderTelemetry.GenAiProviderNameAttribute, QoderTelemetry.GenAiProviderNameValue);
            activity.SetTag(QoderTelemetry.GenAiOperationNameAttribute, operation);
            activity.SetTag(QoderTelemetry.GenAiAgentNameAttribute, _pool.DisplayName);
            activity.SetTag(QoderTelemetry.GenAiRequestModelAttribute, _pool.Options.Agent.Model ?? "auto");
            activity.SetTag(QoderTelemetry.GenAiConversationIdAttribute, conversationId);
        }

        return activity;
    }

    public void LogPrompt(QoderUserInput prompt)
    {
        if (_pool.Options.LogSensitiveData && _logger.IsEnabled(LogLevel.Trace))
        {
            var text = string.Concat(prompt.Content.OfType<QoderTextInput>().Select(t => t.Text));
            QoderHostingLog.Prompt(_logger, _pool.DisplayName, text);
        }
    }

    public void Started(string conversationId, int? processId)
    {
        _metrics.ConversationsStarted.Add(1, _agentTag);
        ConversationLog.Started(_logger, _pool.DisplayName, conversationId, processId);
    }

    public void Resumed(string conversationId, int? processId, ResumeSource source)
    {
        var name = source == ResumeSource.Store ? "store" : "local";
        _metrics.ConversationsResumed.Add(1, _agentTag, new(QoderTelemetry.ResumeSourceAttribute, name));
        ConversationLog.Resumed(_logger, _pool.DisplayName, conversationId, processId, name);
    }

    public void Complete(Activity? activity, ResultMessage result, long started)
    {
        var elapsed = _time.GetElapsedTime(started);
        var subtype = new KeyValuePair<string, object?>(QoderTelemetry.ResultSubtypeAttribute, result.Subtype);
        _metrics.RunDuration.Record(elapsed.TotalSeconds, _agentTag, subtype);
        _metrics.RunResults.Add(1, _agentTag, subtype);
        var input = result.Usage?.InputTokens;
        var output = result.Usage?.OutputTokens;
        foreach (var (tokens, type) in (ReadOnlySpan<(long?, string)>)[(input, "input"), (output, "output")])
        {
            if (tokens is { } count)
            {
                _metrics.TokenUsage.Record(
                    count,
                    _agentTag,
                    new(QoderTelemetry.GenAiOperationNameAttribute, QoderTelemetry.GenAiOperationNameValue),
                    new(QoderTelemetry.GenAiProviderNameAttribute, QoderTelemetry.GenAiProviderNameValue),
                    new(QoderTelemetry.GenAiTokenTypeAttribute, type));
            }
        }

        QoderHostingLog.RunFinished(_logger, _pool.DisplayName, result.Subtype, (long)elapsed.TotalMilliseconds, result.SessionId, input, output);
        if (activity is not null)
        {
            activity.SetTag(QoderTelemetry.GenAiUsageInputTokensAttribute, input);
            activity.SetTag(QoderTelemetry.GenAiUsageOutputTokensAttribute, output);
            activity.SetTag(QoderTelemetry.ResultSubtypeAttribute, result.Subtype);
            activity.SetStatus(result.IsError ? ActivityStatusCode.Error : ActivityStatusCode.Ok, result.IsError ? result.Subtype : null);
        }
    }

    public void Fail(Activity? activity, Exception exception, long started)
    {
        _metrics.RunDuration.Record(_time.GetElapsedTime(started).TotalSeconds, _agentTag, new(QoderTelemetry.ResultSubtypeAttribute, exception.GetType().Name));
        activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        activity?.SetTag(QoderTelemetry.ErrorTypeAttribute, exception.GetType().FullName);
    }
}
