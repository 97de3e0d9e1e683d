using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Qoder.AgentSdk.Control;
using Qoder.AgentSdk.Tests.Hooks;

namespace Qoder.AgentSdk.Tests.Control;

/// <summary>An error answer that carries <c>pending_permission_requests</c> has its <c>can_use_tool</c> prompts answered as new requests.</summary>
public sealed class PendingPermissionRedispatchTests
{
    [Fact]
    public async Task The_can_use_tool_prompts_of_an_error_answer_are_dispatched_and_answered()
    {
        await using var transport = new ScriptedTransport();
        var handled = new List<string>();
        using var channel = new ControlChannel(transport, NullLogger.Instance, (subtype, _, _) =>
        {
            lock (handled)
            {
                handled.Add(subtype);
            }

            return Task.FromResult<JsonNode?>(new JsonObject { ["behavior"] = "allow" });
        });
        channel.Start();

        var request = channel.RequestAsync(new JsonObject { ["subtype"] = "set_model", ["model"] = "x" }, TimeSpan.FromSeconds(60), CancellationToken.None);
        var sent = await transport.Written.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
        var requestId = sent.GetProperty("request_id").GetString();
        transport.Emit(JsonSerializer.Serialize(new JsonObject
        {
            ["type"] = "control_response",
            ["response"] = new JsonObject
            {
                ["subtype"] = "error",
                ["request_id"] = requestId,
                ["error"] = "busy",
                ["pending_permission_requests"] = new JsonArray(
                    new JsonObject { ["type"] = "control_request", ["request_id"] = "perm-1", ["request"] = new JsonObject { ["subtype"] = "can_use_tool", ["tool_name"] = "Write", ["input"] = new JsonObject() } },
                    new JsonObject { ["type"] = "control_request", ["request_id"] = "other-1", ["request"] = new JsonObject { ["subtype"] = "hook_callback" } }),
            },
        }));

        var error = await Assert.ThrowsAsync<QoderControlRequestException>(() => request.WaitAsync(TimeSpan.FromSeconds(60)));
        var answer = await transport.Written.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Contains("busy", error.Message, StringComparison.Ordinal);
        Assert.Equal("perm-1", answer.GetProperty("response").GetProperty("request_id").GetString());
        Assert.Equal("success", answer.GetProperty("response").GetProperty("subtype").GetString());
        Assert.Equal(["can_use_tool"], handled);
        transport.Kill();
    }
}
