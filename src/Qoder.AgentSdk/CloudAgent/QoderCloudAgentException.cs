namespace Qoder.AgentSdk.CloudAgent;

/// <summary>A Qoder Cloud API request failed, or its event stream broke. The message never carries the token.</summary>
public sealed class QoderCloudAgentException : QoderException
{
    /// <summary>Initializes a new instance of the <see cref="QoderCloudAgentException"/> class.</summary>
    /// <param name="code">The error code, such as <c>cloud_agent_api_error</c>.</param>
    /// <param name="message">What went wrong and what to do about it.</param>
    /// <param name="statusCode">The HTTP status, when the server answered.</param>
    /// <param name="innerException">The cause, if any.</param>
    public QoderCloudAgentException(string code, string message, int? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        StatusCode = statusCode;
    }

    /// <summary>Gets the error code: <c>cloud_agent_api_error</c>, <c>cloud_agent_stream_broken</c> or <c>cloud_agent_bad_response</c>.</summary>
    public string Code { get; }

    /// <summary>Gets the HTTP status, when the server answered.</summary>
    public int? StatusCode { get; }
}
