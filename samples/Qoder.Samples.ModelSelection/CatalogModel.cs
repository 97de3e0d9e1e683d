namespace Qoder.Samples.ModelSelection;

/// <summary>One entry of the CLI's model catalog, as far as this sample needs it.</summary>
/// <param name="Value">The id to select the model with.</param>
/// <param name="DisplayName">The name to show.</param>
/// <param name="IsDefault">Whether the backend designates it the default.</param>
/// <param name="MaxInputTokens">The context window, when the catalog gives one.</param>
public sealed record CatalogModel(string Value, string DisplayName, bool IsDefault, int? MaxInputTokens);
