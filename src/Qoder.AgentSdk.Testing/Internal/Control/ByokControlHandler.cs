using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Session;

namespace Qoder.AgentSdk.Testing.Internal.Control;

/// <summary>
/// The BYOK requests in the real CLI's shapes: a one-provider catalog, key validation (a key starting with <c>sk-</c> is
/// accepted), and saved configurations kept for the process's life, listed without their secrets.
/// </summary>
internal sealed class ByokControlHandler(SessionOutput output)
{
    private readonly List<JsonObject> _configs = [];

    public Task GetConfigAsync(string requestId, JsonObject request) =>
        output.RespondSuccessAsync(requestId, new JsonObject
        {
            ["providers"] = new JsonArray(new JsonObject
            {
                ["key"] = "deepseek",
                ["display_name"] = "DeepSeek",
                ["display_name_i18n"] = new JsonObject { ["en_us"] = "DeepSeek", ["cn_zh"] = "深度求索" },
                ["api_key_url"] = "https://platform.deepseek.com/api_keys",
                ["url"] = "https://api.deepseek.com/v1",
                ["fields"] = new JsonArray(new JsonObject { ["key"] = "api_key", ["display_name"] = "API Key", ["type"] = "password", ["mandatory"] = true }),
                ["types"] = new JsonArray(new JsonObject
                {
                    ["key"] = "pg",
                    ["display_name"] = "Pay as you go",
                    ["models"] = new JsonArray(new JsonObject
                    {
                        ["key"] = "deepseek-chat",
                        ["display_name"] = "DeepSeek Chat",
                        ["is_vl"] = false,
                        ["is_reasoning"] = true,
                        ["format"] = "openai",
                        ["max_input_tokens"] = 128000,
                        ["efforts"] = new JsonArray("low", "high"),
                        ["supports_disabled"] = true,
                    }),
                }),
            }),
        });

    public Task ValidateModelAsync(string requestId, JsonObject request) =>
        Wire.Str(request["provider"]) is null || Wire.Str(request["model"]) is null || Wire.Str(request["api_key"]) is not { } key
            ? output.RespondErrorAsync(requestId, "provider, model and api_key are required")
            : output.RespondSuccessAsync(requestId, new JsonObject { ["success"] = key.StartsWith("sk-", StringComparison.Ordinal) });

    public Task ListConfigsAsync(string requestId, JsonObject request) =>
        output.RespondSuccessAsync(requestId, new JsonObject { ["configs"] = new JsonArray([.. _configs.Select(c => (JsonNode?)Listed(c))]) });

    public Task CreateConfigAsync(string requestId, JsonObject request)
    {
        if (request["config"] is not JsonObject config || Reference(config) is not { } reference)
        {
            return output.RespondErrorAsync(requestId, "config needs provider and model, or providerId", "BYOK_CONFIG_INVALID");
        }

        if (Find(reference) is not null)
        {
            return output.RespondErrorAsync(requestId, "a configuration with this key already exists", "BYOK_CONFIG_CONFLICT");
        }

        var saved = (JsonObject)config.DeepClone();
        if (!saved.ContainsKey("providerId"))
        {
            saved["key"] = reference["key"]!.DeepClone();
        }

        _configs.Add(saved);
        return output.RespondSuccessAsync(requestId, new JsonObject { ["config"] = reference });
    }

    public Task UpdateConfigAsync(string requestId, JsonObject request)
    {
        if (request["config"] is not JsonObject change || Find(Target(change)) is not { } saved)
        {
            return output.RespondErrorAsync(requestId, "no such BYOK configuration", "BYOK_CONFIG_NOT_FOUND");
        }

        foreach (var (name, value) in change)
        {
            saved[name] = value?.DeepClone();
        }

        return output.RespondSuccessAsync(requestId, null);
    }

    public Task DeleteConfigAsync(string requestId, JsonObject request)
    {
        if (request["target"] is not JsonObject target || Find(Target(target)) is not { } saved)
        {
            return output.RespondErrorAsync(requestId, "no such BYOK configuration", "BYOK_CONFIG_NOT_FOUND");
        }

        _configs.Remove(saved);
        return output.RespondSuccessAsync(requestId, null);
    }

    /// <summary>A model config is checked by its <c>api_key</c> parameter, a custom provider by its <c>apiKey</c>: <c>sk-</c> passes.</summary>
    public Task CheckConfigAsync(string requestId, JsonObject request)
    {
        var config = request["config"] as JsonObject;
        var key = Wire.Str(config?["apiKey"]) ?? Wire.Str((config?["parameters"] as JsonObject)?["api_key"]);
        return key is { } given && given.StartsWith("sk-", StringComparison.Ordinal)
            ? output.RespondSuccessAsync(requestId, new JsonObject { ["success"] = true })
            : output.RespondSuccessAsync(requestId, new JsonObject
            {
                ["success"] = false,
                ["error"] = "Invalid API key: [REDACTED]",
                ["code"] = "BYOK_CHECK_FAILED",
                ["requestId"] = requestId,
                ["details"] = new JsonObject { ["field"] = "api_key", ["httpStatus"] = 401 },
            });
    }

    private static JsonObject? Reference(JsonObject config) =>
        Wire.Str(config["providerId"]) is { } providerId ? new JsonObject { ["providerId"] = providerId }
        : Wire.Str(config["provider"]) is { } provider && Wire.Str(config["model"]) is { } model
            ? new JsonObject { ["key"] = Wire.Str(config["key"]) ?? $"{provider}/{model}" }
            : null;

    private static JsonObject Target(JsonObject target) =>
        Wire.Str(target["providerId"]) is { } providerId ? new JsonObject { ["providerId"] = providerId } : new JsonObject { ["key"] = Wire.Str(target["key"]) };

    private JsonObject? Find(JsonObject reference) =>
        _configs.FirstOrDefault(c => Wire.Str(reference["providerId"]) is { } providerId
            ? Wire.Str(c["providerId"]) == providerId
            : Wire.Str(c["key"]) == Wire.Str(reference["key"]));

    /// <summary>A saved configuration as listed: secrets left out, as the CLI lists them.</summary>
    private static JsonObject Listed(JsonObject saved)
    {
        var listed = (JsonObject)saved.DeepClone();
        listed.Remove("apiKey");
        listed.Remove("parameters");
        listed["displayName"] ??= Wire.Str(saved["model"]) ?? Wire.Str(saved["providerId"]);
        if (!listed.ContainsKey("providerId"))
        {
            listed["vision"] ??= false;
            listed["reasoning"] ??= false;
            listed["maxInputTokens"] ??= 128000;
        }

        return listed;
    }
}
