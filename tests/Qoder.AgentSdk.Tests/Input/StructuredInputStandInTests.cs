using System.Runtime.CompilerServices;
using Qoder.AgentSdk.Input;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Testing;

namespace Qoder.AgentSdk.Tests.Input;

/// <summary>Structured user input: every field reaches the CLI, and QoderQuery streams an async sequence of inputs.</summary>
public sealed class StructuredInputStandInTests : StandInTestClass
{
    [Fact]
    public async Task Every_field_of_a_structured_input_reaches_the_cli()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create());
        var launch = StandIn.LastLaunch!;
        var input = new QoderUserInput(
            new QoderTextInput("What is in these pictures?"),
            QoderImageInput.FromBytes("image/png", [1, 2, 3]),
            QoderImageInput.FromUrl(new Uri("https://example.com/cat.png")))
        {
            Uuid = "7f0c6a4e-2b53-4a43-9d43-6a0b0c1d2e3f",
            Priority = QoderInputPriority.Later,
            ShouldQuery = true,
            ClientComposed = true,
        };
        input.CustomContext["ticket"] = "T-42";
        input.Attachments.Add(new QoderFileAttachment("file-1", "docs/spec.md"));

        var uuid = await client.SendAsync(input).WaitAsync(StandInHarness.HangGuard);
        var messages = await client.ReceiveResponseAsync().ToListAsync().AsTask().WaitAsync(StandInHarness.HangGuard);

        Assert.Equal(input.Uuid, uuid);
        Assert.False(messages.OfType<ResultMessage>().Single().IsError);
        var frame = launch.ReadRecording().FramesOfType("user").Single();
        Assert.Equal(input.Uuid, frame.GetProperty("uuid").GetString());
        Assert.Equal("later", frame.GetProperty("priority").GetString());
        Assert.True(frame.GetProperty("shouldQuery").GetBoolean());
        Assert.True(frame.GetProperty("client_composed").GetBoolean());
        Assert.Equal("T-42", frame.GetProperty("custom_context").GetProperty("ticket").GetString());
        var attachment = frame.GetProperty("file_attachments")[0];
        Assert.Equal("file-1", attachment.GetProperty("file_id").GetString());
        Assert.Equal("docs/spec.md", attachment.GetProperty("relative_path").GetString());
        var content = frame.GetProperty("message").GetProperty("content");
        Assert.Equal("What is in these pictures?", content[0].GetProperty("text").GetString());
        var base64 = content[1].GetProperty("source");
        Assert.Equal("base64", base64.GetProperty("type").GetString());
        Assert.Equal("image/png", base64.GetProperty("media_type").GetString());
        Assert.Equal("AQID", base64.GetProperty("data").GetString());
        var url = content[2].GetProperty("source");
        Assert.Equal("url", url.GetProperty("type").GetString());
        Assert.Equal("https://example.com/cat.png", url.GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_string_is_the_short_form_of_one_text_block_without_optional_fields()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create());
        var launch = StandIn.LastLaunch!;

        var uuid = await client.SendAsync((QoderUserInput)"hello").WaitAsync(StandInHarness.HangGuard);
        await client.ReceiveResponseAsync().ToListAsync().AsTask().WaitAsync(StandInHarness.HangGuard);

        var frame = launch.ReadRecording().FramesOfType("user").Single();
        Assert.Equal(uuid, frame.GetProperty("uuid").GetString());
        Assert.True(Guid.TryParse(uuid, out _));
        Assert.Equal("hello", frame.GetProperty("message").GetProperty("content")[0].GetProperty("text").GetString());
        Assert.False(frame.TryGetProperty("priority", out _));
        Assert.False(frame.TryGetProperty("custom_context", out _));
        Assert.False(frame.TryGetProperty("file_attachments", out _));
    }

    [Fact]
    public async Task An_input_without_content_or_with_a_lone_surrogate_sends_nothing()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create());
        var launch = StandIn.LastLaunch!;

        await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(new QoderUserInput()));
        await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(new QoderUserInput(new QoderTextInput("ok"), new QoderTextInput("bad \ud800"))));
        await client.DisposeAsync();

        Assert.Empty(launch.ReadRecording().FramesOfType("user"));
    }

    [Fact]
    public async Task QoderQuery_sends_inputs_as_they_arrive_and_ends_after_the_last_result()
    {
        var options = StandIn.Options(QoderScenario.Create()
            .Turn(t => t.Text("first answer"))
            .Turn(t => t.Text("second answer")));
        var launch = StandIn.LastLaunch!;
        var firstResult = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var messages = new List<QoderMessage>();
        await foreach (var message in QoderQuery.RunAsync(Conversation(firstResult.Task), options).WithCancellation(CancellationToken.None))
        {
            messages.Add(message);
            if (message is ResultMessage)
            {
                firstResult.TrySetResult();
            }
        }

        var results = messages.OfType<ResultMessage>().ToList();
        Assert.Equal(2, results.Count);
        Assert.Equal(["first answer", "second answer"], messages.AssistantTexts());
        Assert.Equal(2, launch.ReadRecording().FramesOfType("user").Count);
    }

    [Fact]
    public async Task QoderQuery_over_an_input_stream_that_throws_ends_with_that_exception()
    {
        var options = StandIn.Options(QoderScenario.Create());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in QoderQuery.RunAsync(Failing(), options))
            {
            }
        }).WaitAsync(StandInHarness.HangGuard);

        Assert.Equal("input source failed", error.Message);
    }

    [Fact]
    public async Task QoderQuery_over_an_empty_input_stream_ends_without_messages()
    {
        var options = StandIn.Options(QoderScenario.Create());

        var messages = await QoderQuery.RunAsync(AsyncEnumerable.Empty<QoderUserInput>(), options).ToListAsync().AsTask().WaitAsync(StandInHarness.HangGuard);

        Assert.DoesNotContain(messages, m => m is ResultMessage);
    }

    private static async IAsyncEnumerable<QoderUserInput> Conversation(Task firstResult, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return "first question";
        await firstResult.WaitAsync(cancellationToken);
        yield return new QoderUserInput(new QoderTextInput("second question")) { Priority = QoderInputPriority.Next };
    }

    private static async IAsyncEnumerable<QoderUserInput> Failing()
    {
        await Task.Yield();
        yield return "one";
        throw new InvalidOperationException("input source failed");
    }
}
