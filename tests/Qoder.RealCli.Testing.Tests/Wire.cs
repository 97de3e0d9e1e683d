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
}
