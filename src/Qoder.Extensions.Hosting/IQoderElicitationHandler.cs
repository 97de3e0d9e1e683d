using Qoder.AgentSdk.Elicitation;

namespace Qoder.Extensions.Hosting;

/// <summary>
/// Answers MCP elicitations (an MCP server asking the user for input). Registered with
/// <c>AddElicitationHandler&lt;THandler&gt;()</c> as a scoped service and resolved from the DI scope of the session that
/// asks. Without one, elicitations are answered <c>cancel</c>.
/// </summary>
public interface IQoderElicitationHandler
{
    /// <summary>Answers one elicitation.</summary>
    /// <param name="request">The server, message, mode and requested schema.</param>
    /// <param name="cancellationToken">Cancelled when the CLI withdraws the request or the session ends.</param>
    /// <returns>Accept (with content), decline or cancel.</returns>
    ValueTask<QoderElicitationResult> AnswerAsync(QoderElicitationRequest request, CancellationToken cancellationToken);
}
