using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Testing.Internal.Control;

/// <summary>The stand-in's model catalog for <c>get_models</c>, in the shape the CLI forwards from the server.</summary>
internal static class ModelCatalog
{
    public static JsonArray Models() => new(
        Model("auto", "Auto", "Picks a model for each request.", isDefault: true, reasoning: false, contextWindows: [200_000], efforts: []),
        Model("performance", "Performance", "The strongest model, with adjustable reasoning.", isDefault: false, reasoning: true,
            contextWindows: [200_000, 1_000_000], efforts: ["low", "medium", "high"]));

    private static JsonObject Model(string value, string name, string description, bool isDefault, bool reasoning, long[] contextWindows, string[] efforts)
    {
        var contextConfig = new JsonObject();
        foreach (var window in contextWindows)
        {
            contextConfig[window >= 1_000_000 ? $"{window / 1_000_000}M" : $"{window / 1000}K"] =
                new JsonObject { ["token_count"] = window, ["is_default"] = window == contextWindows[0] };
        }

        var model = new JsonObject
        {
            ["value"] = value,
            ["modelId"] = value,
            ["displayName"] = name,
            ["description"] = description,
            ["source"] = "system",
            ["isDefault"] = isDefault,
            ["isEnabled"] = true,
            ["isReasoning"] = reasoning,
            ["isVl"] = true,
            ["priceFactor"] = reasoning ? 1.6 : 1,
            ["maxInputTokens"] = contextWindows[^1],
            ["maxOutputTokens"] = 32_000,
            ["availableContextWindows"] = new JsonArray([.. contextWindows.Select(w => (JsonNode?)w)]),
            ["defaultContextWindow"] = contextWindows[0],
            ["tags"] = new JsonArray(),
            ["format"] = "openai",
            ["scene"] = "assistant",
            ["context_config"] = contextConfig,
        };
        if (reasoning)
        {
            var levels = new JsonObject();
            foreach (var effort in efforts)
            {
                levels[effort] = new JsonObject { ["description"] = $"{effort} effort", ["is_default"] = effort == "medium" };
            }

            model["efforts"] = Wire.Strings(efforts);
            model["defaultEffort"] = "medium";
            model["supportsDisabled"] = true;
            model["thinking_config"] = new JsonObject
            {
                ["disabled"] = new JsonObject { ["description"] = "Answer without reasoning." },
                ["enabled"] = new JsonObject { ["description"] = "Reason before answering.", ["efforts"] = levels, ["is_default"] = true },
            };
        }

        return model;
    }
}
