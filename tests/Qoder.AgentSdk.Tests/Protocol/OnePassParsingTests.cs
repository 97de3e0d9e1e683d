using System.Text;
using Qoder.AgentSdk.Control;
using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk.Tests.Protocol;

public sealed class OnePassParsingTests
{
    public static TheoryData<string> Lines => new()
    {
        """{"type":"stream_event","uuid":"u","session_id":"s","event":{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"hi"}}}""",
        """{"uuid":"u","subtype":"init","type":"system","session_id":"s","protocol_version":"1.4.0","tools":[]}""",
        """{"type":"assistant","message":{"content":[{"type":"tool_use","id":"t","name":"Read","input":{"a":[1,{"b":2}]}},{"type":"mystery","x":1},{"input":{},"type":"text","text":"t"}]},"extra":{"k":1}}""",
        """{"type":"user","message":{"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":"ok"}]},"tool_use_result":{"a":1}}""",
        """{"type":"brand_new","uuid":"u","x":[1,2]}""",
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Bytes_and_text_give_the_same_message(string line)
    {
        var fromBytes = QoderMessageSerializer.Parse(Encoding.UTF8.GetBytes(line));
        var fromText = QoderMessageSerializer.Parse(line);
        Assert.Equal(fromText.GetType(), fromBytes.GetType());
        Assert.Equal(fromText.ToJson(), fromBytes.ToJson());
    }

    [Fact]
    public void Blocks_are_typed_by_their_type_wherever_it_stands()
    {
        var message = Assert.IsType<AssistantMessage>(QoderMessageSerializer.Parse(Encoding.UTF8.GetBytes(
            """{"type":"assistant","message":{"content":[{"id":"t","input":{"type":"text"},"name":"Read","type":"tool_use"},{"text":"a","type":"text"}]}}""")));
        Assert.Equal("Read", Assert.IsType<ToolUseBlock>(message.Message.Content[0]).Name);
        Assert.Equal("a", Assert.IsType<TextBlock>(message.Message.Content[1]).Text);
    }

    [Fact]
    public async Task The_warm_up_parses_every_sample_into_its_record()
    {
        Assert.Equal(6 * 64, await HotPathWarmup.RunAsync());
    }

    [Fact]
    public void Backpressure_holds_the_reader_at_capacity_until_a_take_or_a_bypass()
    {
        var backpressure = new ConsumerBackpressure(2);
        backpressure.Added();
        backpressure.Added();
        var wait = backpressure.WaitForRoomAsync().AsTask();
        Assert.False(wait.IsCompleted);
        backpressure.Taken(1);
        Assert.True(wait.IsCompleted);

        backpressure.Added();
        var second = backpressure.WaitForRoomAsync().AsTask();
        using (backpressure.Suspend())
        {
            Assert.True(second.IsCompleted);
            Assert.True(IsReady(backpressure.WaitForRoomAsync()));
        }

        Assert.False(IsReady(backpressure.WaitForRoomAsync()));
        backpressure.Open();
        Assert.True(IsReady(backpressure.WaitForRoomAsync()));
    }

    private static bool IsReady(ValueTask wait) => wait.IsCompleted;
}
