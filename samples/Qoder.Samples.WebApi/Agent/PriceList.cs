namespace Qoder.Samples.WebApi.Agent;

/// <summary>A fixed price list (a singleton in the sample; a database in a real app).</summary>
public sealed class PriceList : IPriceList
{
    private readonly Dictionary<string, decimal> _prices = new(StringComparer.OrdinalIgnoreCase)
    {
        ["apple"] = 1.25m,
        ["banana"] = 0.5m,
        ["coffee"] = 3.8m,
    };

    /// <inheritdoc/>
    public decimal? PriceOf(string item) => _prices.TryGetValue(item, out var price) ? price : null;
}
