using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Routing;
using Moq;
using Qoder.AgentSdk.Protocol;
using Qoder.Extensions.Hosting;
using Qoder.Samples.WebApi.Controllers;

namespace Qoder.Samples.WebApi.Tests;

/// <summary>The conversation endpoints against a mocked <see cref="IQoderConversations"/>: ids, uuids and tokens pass through, errors map to statuses.</summary>
public sealed class ConversationsControllerTests
{
    private const string Id = "0b6c7a52-3d0e-4d8e-9f49-6f3a2d1e8c11";
    private readonly Mock<IQoderConversations> _conversations = new(MockBehavior.Strict);

    [Fact]
    public async Task Start_returns_201_with_the_conversation_id()
    {
        using var cts = new CancellationTokenSource();
        _conversations.Setup(c => c.StartAsync(cts.Token)).ReturnsAsync(Id);

        var response = await new ConversationsController(_conversations.Object).StartAsync(cts.Token);

        var created = Assert.IsType<CreatedResult>(response.Result);
        Assert.Equal(Id, Assert.IsType<ConversationStarted>(created.Value).Id);
        Assert.Equal($"/conversations/{Id}", created.Location);
    }

    [Fact]
    public async Task A_message_runs_a_turn_of_that_conversation_with_the_clients_uuid()
    {
        var result = new ResultMessage { Type = "result", Subtype = "success", SessionId = Id };
        _conversations.Setup(c => c.RunAsync(Id, "and then?", It.Is<QoderTurnOptions>(o => o.MessageUuid == "m-1"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new QoderRunResult("Then this.", result, [result]));

        var response = await new ConversationsController(_conversations.Object).SendAsync(Id, new ConversationMessage("and then?", "m-1"), CancellationToken.None);

        Assert.Equal(("Then this.", Id, "success"), (response.Text, response.SessionId, response.Subtype));
        _conversations.VerifyAll();
    }

    [Fact]
    public async Task Delete_returns_204()
    {
        _conversations.Setup(c => c.DeleteAsync(Id, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        var response = await new ConversationsController(_conversations.Object).DeleteAsync(Id, CancellationToken.None);

        Assert.IsType<NoContentResult>(response);
        _conversations.VerifyAll();
    }

    [Theory]
    [InlineData("not-found", StatusCodes.Status404NotFound)]
    [InlineData("busy", StatusCodes.Status409Conflict)]
    [InlineData("duplicate", StatusCodes.Status409Conflict)]
    public void Conversation_errors_map_to_statuses(string error, int status)
    {
        Exception exception = error switch
        {
            "not-found" => new QoderConversationNotFoundException(Id, "default"),
            "busy" => new QoderConversationBusyException(Id, "Qoder", QoderConversationConcurrency.Reject),
            _ => new QoderDuplicateMessageException(Id, "m-1"),
        };
        var context = new ExceptionContext(new ActionContext(new DefaultHttpContext(), new RouteData(), new ActionDescriptor()), []) { Exception = exception };

        new ConversationErrorsAttribute().OnException(context);

        Assert.True(context.ExceptionHandled);
        Assert.Equal(status, Assert.IsType<ObjectResult>(context.Result).StatusCode);
    }

    [Fact]
    public void Other_errors_are_left_to_the_host()
    {
        var context = new ExceptionContext(new ActionContext(new DefaultHttpContext(), new RouteData(), new ActionDescriptor()), [])
        {
            Exception = new QoderPoolExhaustedException("Qoder", 4, TimeSpan.FromSeconds(60)),
        };

        new ConversationErrorsAttribute().OnException(context);

        Assert.False(context.ExceptionHandled);
    }
}
