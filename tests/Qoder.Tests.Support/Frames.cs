using System.Text.Json.Nodes;

namespace Qoder.Tests.Support;

/// <summary>The stream-json frames tests write, and the tests they run on frames they read.</summary>
public static class Frames
{
    public static bool Is(JsonObject message, string type, string? subtype = null) =>
        (string?)message["type"] == type && (subtype is null || (string?)message["subtype"] == subtype);

    public static bool IsControlRequest(JsonObject message, string subtype) =>
        Is(message, "control_request") && (string?)message["request"]?["subtype"] == subtype;

    public static bool IsControlResponseFor(JsonObject message, string requestId) =>
        Is(message, "control_response") && (string?)message["response"]?["request_id"] == requestId;

    public static JsonObject ControlRequest(string requestId, JsonObject request) =>
        new() { ["type"] = "control_request", ["request_id"] = requestId, ["request"] = request };

    public static JsonObject Success(string requestId, JsonNode? body) => new()
    {
        ["type"] = "control_response",
        ["response"] = new JsonObject { ["subtype"] = "success", ["request_id"] = requestId, ["response"] = body },
    };

    public static JsonObject Error(string requestId, string error) => new()
    {
        ["type"] = "control_response",
        ["response"] = new JsonObject { ["subtype"] = "error", ["request_id"] = requestId, ["error"] = error },
    };

    /// <summary>A user frame with one text block.</summary>
    public static JsonObject UserText(string text, string? uuid = null, string? priority = null)
    {
        var frame = new JsonObject
        {
            ["type"] = "user",
            ["message"] = new JsonObject { ["role"] = "user", ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }) },
            ["parent_tool_use_id"] = null,
            ["uuid"] = uuid ?? Guid.NewGuid().ToString(),
        };
        if (priority is not null)
        {
            frame["priority"] = priority;
        }

        return frame;
    }

    /// <summary>Allows a <c>can_use_tool</c> request with its own input.</summary>
    public static JsonObject Allow(JsonObject canUseTool)
    {
        ArgumentNullException.ThrowIfNull(canUseTool);
        var request = canUseTool["request"]!.AsObject();
        return Success(
            (string)canUseTool["request_id"]!,
            new JsonObject { ["behavior"] = "allow", ["updatedInput"] = request["input"]!.DeepClone(), ["toolUseID"] = request["tool_use_id"]?.DeepClone() });
    }
}
