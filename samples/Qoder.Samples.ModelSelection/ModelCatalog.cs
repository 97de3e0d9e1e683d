using System.Text.Json;

namespace Qoder.Samples.ModelSelection;

/// <summary>
/// Reads the model catalog the CLI sends: the <c>models</c> array of the <c>initialize</c> response, and the same entries
/// in every <c>get_model_policy</c> request. A small reader of its own, so the sample depends on nothing else.
/// </summary>
public static class ModelCatalog
{
    /// <summary>Reads a <c>models</c> array (or an object holding one).</summary>
    /// <param name="json">The <c>initialize</c> response, or the array itself.</param>
    /// <returns>The models with an id, in catalog order.</returns>
    public static IReadOnlyList<CatalogModel> Read(JsonElement? json) => json switch
    {
        { ValueKind: JsonValueKind.Object } body when body.TryGetProperty("models", out var models) => Read(models),
        { ValueKind: JsonValueKind.Array } array => Read(array.EnumerateArray()),
        _ => [],
    };

    /// <summary>Reads catalog entries.</summary>
    /// <param name="entries">One JSON object per model.</param>
    /// <returns>The models with an id, in catalog order.</returns>
    public static IReadOnlyList<CatalogModel> Read(IEnumerable<JsonElement> entries) =>
        [.. entries.Where(e => e.ValueKind == JsonValueKind.Object && Text(e, "value") is { Length: > 0 })
            .Select(e => new CatalogModel(
                Text(e, "value")!,
                Text(e, "displayName") ?? Text(e, "value")!,
                e.TryGetProperty("isDefault", out var d) && d.ValueKind == JsonValueKind.True,
                e.TryGetProperty("maxInputTokens", out var m) && m.TryGetInt32(out var tokens) ? tokens : null))];

    private static string? Text(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
