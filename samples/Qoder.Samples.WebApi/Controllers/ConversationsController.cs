using System.Text;
using Microsoft.AspNetCore.Mvc;
using Qoder.Extensions.Hosting;

namespace Qoder.Samples.WebApi.Controllers;

/// <summary>
/// Conversations several requests long on the default agent: start one, send messages to it (as JSON or as server-sent
/// events), delete it. Between requests the conversation keeps its process while it is used and is resumed from its
/// transcript when it was evicted; unknown ids are 404, a second message during a turn is 409.
/// </summary>
[ApiController]
[Route("conversations")]
[ConversationErrors]
public sealed class ConversationsController : ControllerBase
{
    private readonly IQoderConversations _conversations;

    /// <summary>Initializes a new instance of the <see cref="ConversationsController"/> class.</summary>
    /// <param name="conversations">The default agent's conversations.</param>
    public ConversationsController(IQoderConversations conversations)
    {
        _conversations = conversations;
    }

    /// <summary>Starts a conversation on a pre-warmed process.</summary>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    /// <returns>201 with the conversation id.</returns>
    [HttpPost]
    public async Task<ActionResult<ConversationStarted>> StartAsync(CancellationToken cancellationToken)
    {
        var id = await _conversations.StartAsync(cancellationToken);
        return Created(new Uri($"/conversations/{id}", UriKind.Relative), new ConversationStarted(id));
    }

    /// <summary>Sends a message and returns the answer.</summary>
    /// <param name="id">The conversation id.</param>
    /// <param name="request">The prompt and, for a safe resend, its message uuid.</param>
    /// <param name="cancellationToken">Aborted when the client goes away; interrupts the turn.</param>
    /// <returns>The text, session id, result subtype and denied tools.</returns>
    [HttpPost("{id}/messages")]
    public async Task<AgentResponse> SendAsync(string id, ConversationMessage request, CancellationToken cancellationToken)
    {
        var result = await _conversations.RunAsync(id, request.Prompt, Turn(request), cancellationToken);
        return new AgentResponse(result.Text, result.SessionId, result.Result.Subtype, [.. result.Result.PermissionDenials.Select(d => d.ToolName)]);
    }

    /// <summary>Sends a message and streams the turn as server-sent events, one <c>data:</c> line per message.</summary>
    /// <param name="id">The conversation id.</param>
    /// <param name="request">The prompt and, for a safe resend, its message uuid.</param>
    /// <param name="cancellationToken">Aborted when the client goes away; interrupts the turn.</param>
    /// <returns>A task that completes when the result has been sent.</returns>
    [HttpPost("{id}/messages/stream")]
    public async Task StreamAsync(string id, ConversationMessage request, CancellationToken cancellationToken)
    {
        await using var messages = _conversations.StreamAsync(id, request.Prompt, Turn(request), cancellationToken).GetAsyncEnumerator(cancellationToken);

        // The first message decides the status: a missing or busy conversation is still a 404 or 409, not an empty stream.
        if (!await messages.MoveNextAsync())
        {
            return;
        }

        Response.ContentType = "text/event-stream";
        Response.Headers.CacheControl = "no-cache";
        do
        {
            await Response.WriteAsync("data: " + messages.Current.ToJson() + "\n\n", Encoding.UTF8, cancellationToken);
            await Response.Body.FlushAsync(cancellationToken);
        }
        while (await messages.MoveNextAsync());
    }

    /// <summary>Deletes a conversation: its process, local transcript and stored copy.</summary>
    /// <param name="id">The conversation id.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    /// <returns>204, or 404 when nothing was known of it.</returns>
    [HttpDelete("{id}")]
    public async Task<IActionResult> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await _conversations.DeleteAsync(id, cancellationToken);
        return NoContent();
    }

    private static QoderTurnOptions? Turn(ConversationMessage request) =>
        request.MessageUuid is null ? null : new QoderTurnOptions { MessageUuid = request.MessageUuid };
}
