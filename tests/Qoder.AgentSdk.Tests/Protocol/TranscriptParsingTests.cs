using System.Text.Json.Nodes;
using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk.Tests.Protocol;

/// <summary>Every line the real CLI printed in the captured transcripts parses, and survives a round trip unchanged.</summary>
public sealed class TranscriptParsingTests
{
    private static readonly string[] ControlTypes = ["control_request", "control_response", "control_cancel_request"];

    public static TheoryData<string> TranscriptFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Transcripts"), "*.jsonl").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void The_transcripts_are_present() => Assert.True(TranscriptFiles().Count >= 30);

    [Theory]
    [MemberData(nameof(TranscriptFiles))]
    public void Every_message_parses_and_round_trips(string fileName)
    {
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Transcripts", fileName)))
        {
            if (string.IsNullOrWhiteSpace(line) || line.Length > 1_000_000 || JsonNode.Parse(line) is not JsonObject original)
            {
                continue;
            }

            var type = original["type"]?.GetValue<string>();
            if (type is null || ControlTypes.Contains(type))
            {
                continue;
            }

            var message = QoderMessageSerializer.Parse(line);
            Assert.Equal(type, message.Type);
            var again = JsonNode.Parse(message.ToJson())!.AsObject();
            foreach (var (key, value) in original)
            {
                if (value is null)
                {
                    continue;
                }

                Assert.True(again.ContainsKey(key), $"{fileName}: {type} lost the field {key}");
                Assert.True(JsonNode.DeepEquals(Normalize(value), Normalize(again[key])), $"{fileName}: {type}.{key} changed in the round trip");
            }
        }
    }

    [Fact]
    public void System_init_from_the_real_cli_is_typed()
    {
        var line = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Transcripts", "handshake-useexternal-initialize.stream.jsonl")).First();

        var init = Assert.IsType<SystemInitMessage>(QoderMessageSerializer.Parse(line));

        Assert.Equal("1.1.52", init.QodercliVersion);
        Assert.Equal("1.4.0", init.ProtocolVersion);
        Assert.Contains("Write", init.Tools);
        Assert.Contains("interrupt_receipt_v1", init.Capabilities!);
        Assert.Equal("default", init.PermissionMode);
        Assert.False(string.IsNullOrEmpty(init.SessionId));
    }

    [Fact]
    public void An_authentication_failure_result_is_typed()
    {
        var line = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Transcripts", "auth-payload-missing.stream.jsonl")).First();

        var result = Assert.IsType<ResultMessage>(QoderMessageSerializer.Parse(line));

        Assert.True(result.IsError);
        Assert.Equal("auth_payload_missing", result.TerminalReason);
        Assert.Equal("SDK mode requires QODER_SDK_AUTH_PAYLOAD_FILE", Assert.Single(result.Errors!));
    }

    // A known field that was an explicit null is written back as absent, which readers treat alike; unknown fields keep
    // their nulls through the extension data. Compare with nulls removed on both sides.
    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Normalize)]),
        null => null,
        _ => node.DeepClone(),
    };
}
