using System.Text;
using Microsoft.AspNetCore.Mvc;
using Qoder.Extensions.Hosting;

namespace Qoder.Samples.WebApi.Controllers;

/// <summary>Runs prompts on the default agent and on the <c>reviewer</c> agent.</summary>
[ApiController]
[Route("agent")]
public sealed class AgentController : ControllerBase
{
    private readonly IQoderAgent _agent;
    private readonly IQoderAgent _reviewer;

    /// <summary>Initializes a new instance of the <see cref="AgentController"/> class.</summary>
    /// <param name="agent">The default agent.</param>
    /// <param name="reviewer">The agent configured under <c>Qoder:Agents:reviewer</c>.</param>
    public AgentController(IQoderAgent agent, [FromKeyedServices("reviewer")] IQoderAgent reviewer)
    {
        _agent = agent;
        _reviewer = reviewer;
    }

    /// <summary>Runs a prompt on the default agent.</summary>
    /// <param name="request">The prompt.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    /// <returns>The text, session id, result subtype and the tools the permission policy denied.</returns>
    [HttpPost("run")]
    public Task<AgentResponse> RunAsync(AgentRequest request, CancellationToken cancellationToken) =>
        RunOnAsync(_agent, request, cancellationToken);

    /// <summary>Runs a prompt on the reviewer agent.</summary>
    /// <param name="request">The prompt, typically a diff to review.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    /// <returns>The text, session id, result subtype and the tools the permission policy denied.</returns>
    [HttpPost("review")]
    public Task<AgentResponse> ReviewAsync(AgentRequest request, CancellationToken cancellationToken) =>
        RunOnAsync(_reviewer, request, cancellationToken);

    /// <summary>
    /// Streams the messages of a run on the default agent as server-sent events, one <c>data:</c> line per message. With
    /// partial messages on (see <c>Program.cs</c>) the token deltas arrive first as <c>stream_event</c> messages, then the
    /// complete assistant messages, tool results and the result.
    /// </summary>
    /// <param name="prompt">The prompt.</param>
    /// <param name="cancellationToken">Aborted when the client goes away; interrupts the turn.</param>
    /// <returns>A task that completes when the result has been sent.</returns>
    [HttpGet("stream")]
    public async Task StreamAsync([FromQuery] string prompt, CancellationToken cancellationToken)
    {
        Response.ContentType = "text/event-stream";
        Response.Headers.CacheControl = "no-cache";
        await foreach (var message in _agent.StreamAsync(prompt, cancellationToken: cancellationToken))
        {
            await Response.WriteAsync("data: " + message.ToJson() + "\n\n", Encoding.UTF8, cancellationToken);
            await Response.Body.FlushAsync(cancellationToken);
        }
    }

    private static async Task<AgentResponse> RunOnAsync(IQoderAgent agent, AgentRequest request, CancellationToken cancellationToken)
    {
        var result = await agent.RunAsync(request.Prompt, cancellationToken: cancellationToken);
        return new AgentResponse(result.Text, result.SessionId, result.Result.Subtype, [.. result.Result.PermissionDenials.Select(d => d.ToolName)]);
    }
}
