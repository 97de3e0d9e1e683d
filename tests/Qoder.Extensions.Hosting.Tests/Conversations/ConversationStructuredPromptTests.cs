using Qoder.AgentSdk.Input;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Testing;

namespace Qoder.Extensions.Hosting.Tests.Conversations;

/// <summary>Turns whose prompt is a <see cref="QoderUserInput"/> rather than a string (stand-in).</summary>
public sealed class ConversationStructuredPromptTests
{
    private static readonly TimeSpan Guard = ConversationHost.Guard;

    private static QoderScenario Remembering() =>
        new() { DefaultReply = "seen: " + QoderScenario.PreviousPromptsPlaceholder };

    [Fact]
    public async Task Structured_prompts_run_and_stream_as_turns_of_the_conversation_and_the_callers_input_is_not_changed()
    {
        await using var host = new ConversationHost(Remembering());
        await host.StartAsync();
        var id = await host.Conversations.StartAsync().WaitAsync(Guard);
        var alpha = new QoderUserInput(new QoderTextInput("alpha"));

        await host.Conversations.RunAsync(id, alpha).WaitAsync(Guard);
        var streamed = await host.Conversations.StreamAsync(id, new QoderUserInput(new QoderTextInput("beta"))).ToListAsync().AsTask().WaitAsync(Guard);

        Assert.Null(alpha.Uuid);
        Assert.Equal("seen: alpha", Assert.IsType<ResultMessage>(streamed[^1]).Result);
        Assert.Equal("seen: alpha | beta", (await host.Conversations.RunAsync(id, "gamma").WaitAsync(Guard)).Text);
    }

    [Fact]
    public async Task The_uuid_of_a_structured_prompt_is_the_turns_message_uuid_so_a_resend_is_not_run_again()
    {
        await using var host = new ConversationHost(Remembering());
        await host.StartAsync();
        var id = await host.Conversations.StartAsync().WaitAsync(Guard);
        var prompt = new QoderUserInput(new QoderTextInput("alpha")) { Uuid = Guid.NewGuid().ToString() };
        await host.Conversations.RunAsync(id, prompt).WaitAsync(Guard);
        await host.Conversations.CloseAsync(id).WaitAsync(Guard);

        var again = await Assert.ThrowsAsync<QoderDuplicateMessageException>(() => host.Conversations.RunAsync(id, prompt).WaitAsync(Guard));

        Assert.Equal(prompt.Uuid, again.MessageUuid);
    }
}
