using System.Text.Json.Nodes;

namespace Qoder.RealCli.Testing.Tests;

/// <summary>The few stream-json frames the tests write and look for.</summary>
internal static class Wire
{
    public static readonly string[] StreamJsonArguments =
        ["--print", "--output-format", "stream-json", "--input-format", "stream-json", "--permission-prompt-tool", "stdio"];

    /// <summary>
    /// The SDK's initialize request. Route A must pass <paramref name="catalogReady"/> false: the CLI
    /// treats <c>supportsCatalogReadyInitialize:true</c> or <c>initializeTimeoutMs &gt;= 120000</c> as
    /// "wait for the model catalog", and with no login the first turn then fails with
    /// <c>no_models_available</c>.
    /// </summary>
    public static JsonObject Initialize(string requestId, bool catalogReady = true)
    {
        var request = new JsonObject
        {
            ["subtype"] = "initialize",
            ["type"] = "initialize",
            ["supportsCatalogReadyInitialize"] = catalogReady,
            ["supportsAvailableModelsUpdate"] = true,
            ["supportsCommandsChanged"] = true,
        };
        if (catalogReady)
        {
            request["initializeTimeoutMs"] = 120000;
        }

        request["modelPolicyProvider"] = false;
        return new JsonObject
        {
            ["type"] = "control_request",
            ["request_id"] = requestId,
            ["request"] = request,
        };
    }

    public static JsonObject UserText(string text) => new()
    {
        ["type"] = "user",
        ["message"] = new JsonObject
        {
            ["role"] = "user",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
        },
        ["parent_tool_use_id"] = null,
        ["uuid"] = Guid.NewGuid().ToString(),
    };

    public static JsonObject Allow(JsonObject canUseTool)
    {
        var request = canUseTool["request"]!.AsObject();
        return new JsonObject
        {
            ["type"] = "control_response",
            ["response"] = new JsonObject
            {
                ["subtype"] = "success",
                ["request_id"] = canUseTool["request_id"]!.DeepClone(),
                ["response"] = new JsonObject
                {
                    ["behavior"] = "allow",
                    ["updatedInput"] = request["input"]!.DeepClone(),
                    ["toolUseID"] = request["tool_use_id"]?.DeepClone(),
                },
            },
        };
    }

    public static bool IsType(JsonObject message, string type, string? subtype = null) =>
        (string?)message["type"] == type && (subtype is null || (string?)message["subtype"] == subtype);

    public static bool IsControlResponseFor(JsonObject message, string requestId) =>
        IsType(message, "control_response") && (string?)message["response"]?["request_id"] == requestId;

    public static bool IsCanUseTool(JsonObject message) =>
        IsType(message, "control_request") && (string?)message["request"]?["subtype"] == "can_use_tool";
}
