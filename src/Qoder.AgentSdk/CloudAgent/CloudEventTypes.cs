namespace Qoder.AgentSdk.CloudAgent;

/// <summary>The Cloud session event types the query acts on.</summary>
internal static class CloudEventTypes
{
    internal const string AgentMessage = "agent.message";
    internal const string ModelRequestEnd = "span.model_request_end";
    internal const string Idle = "session.status_idle";
    internal const string Error = "session.error";
    internal const string Terminated = "terminated";
    internal const string UserMessage = "user.message";
    internal const string UserInterrupt = "user.interrupt";
}
