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

        // stream_event lines of the common shape (read without the serializer) and of others (read with it).
        """{"type":"stream_event","uuid":"u","session_id":null,"parent_tool_use_id":"toolu_1","event":{"type":"content_block_delta","index":3,"delta":{"type":"input_json_delta","partial_json":"{\"a\":"}}}""",
        """ { "event" : {"type":"message_stop"} , "parent_tool_use_id":null, "type" : "stream_event", "\u0075uid":"\u00e9" } """,
        """{"type":"stream_event","uuid":"u","session_id":"s","event":null}""",
        """{"type":"stream_event","uuid":"u","session_id":"s","event":[1,"two",{"three":3}]}""",
        """{"type":"stream_event","uuid":"u","session_id":"s","event":{"type":"ping"},"extra":{"k":[1]}}""",
        """{"type":"stream_event","uuid":"u","session_id":"s"}""",
        """{"type":"stream_event","uuid":"u","session_id":"s","event":{"a":1},"event":{"b":2}}""",
    };

    [Fact]
    public void A_stream_event_keeps_its_event_as_bytes_until_asked_and_then_parses_it_once()
    {
        var message = Assert.IsType<StreamEventMessage>(QoderMessageSerializer.Parse(Encoding.UTF8.GetBytes(
            """{"type":"stream_event","uuid":"u","session_id":"s","parent_tool_use_id":null,"event":{"type":"content_block_delta","index":2,"delta":{"type":"text_delta","text":"h\u00e9"}}}""")));

        Assert.Equal("hé", message.DeltaText);
        Assert.Equal(2, message.BlockIndex);
        Assert.Equal("content_block_delta", message.EventType);
        Assert.Equal(message.Event.GetProperty("delta").GetProperty("text").GetString(), message.DeltaText);
        Assert.Same(GetDocument(message.Event), GetDocument(message.Event));
        Assert.Null(message.ExtensionData);
        Assert.Equal(message, message with { });
        Assert.NotEqual(message, message with { Event = message.Event.Clone() });
    }

    [Fact]
    public void A_stream_event_of_another_shape_keeps_its_unknown_fields()
    {
        var message = Assert.IsType<StreamEventMessage>(QoderMessageSerializer.Parse(Encoding.UTF8.GetBytes(
            """{"type":"stream_event","uuid":"u","event":{"type":"ping"},"extra":{"k":[1]}}""")));

        Assert.Equal("""{"k":[1]}""", Assert.Contains("extra", message.ExtensionData!).GetRawText());
        Assert.Equal("ping", message.EventType);
    }

    [Theory]
    [InlineData("""{"type":"stream_event","uuid":"u","event":{"type":""")]
    [InlineData("""{"type":"stream_event","uuid":7,"event":{}}""")]
    public void A_broken_stream_event_is_reported_as_the_serializer_reports_it(string line)
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => QoderMessageSerializer.Parse(Encoding.UTF8.GetBytes(line)));
    }

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
        Assert.Equal(8 * 6 * 64, await HotPathWarmup.RunAsync());
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

    private static object? GetDocument(System.Text.Json.JsonElement element) =>
        typeof(System.Text.Json.JsonElement).GetField("_parent", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(element);
}
