using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk.Tests.Protocol;

/// <summary><see cref="StreamEventMessage.DeltaText"/> is text only; thinking, tool-input JSON and signatures have their own accessors.</summary>
public sealed class StreamDeltaTests
{
    [Theory]
    [InlineData("""{"type":"text_delta","text":"Hel"}""", "Hel", null, null, null)]
    [InlineData("""{"type":"thinking_delta","thinking":"hmm"}""", null, "hmm", null, null)]
    [InlineData("""{"type":"input_json_delta","partial_json":"{\"a\":"}""", null, null, "{\"a\":", null)]
    [InlineData("""{"type":"signature_delta","signature":"sig"}""", null, null, null, "sig")]
    public void Each_delta_kind_has_its_own_accessor(string delta, string? text, string? thinking, string? json, string? signature)
    {
        var message = Assert.IsType<StreamEventMessage>(QoderMessageSerializer.Parse(
            $$"""{"type":"stream_event","event":{"type":"content_block_delta","index":2,"delta":{{delta}}},"parent_tool_use_id":null,"uuid":"u","session_id":"s"}"""));

        Assert.Equal((text, thinking, json, signature), (message.DeltaText, message.DeltaThinking, message.DeltaPartialJson, message.DeltaSignature));
        Assert.Equal(2, message.BlockIndex);
    }
}
