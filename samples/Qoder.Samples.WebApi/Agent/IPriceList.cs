namespace Qoder.Samples.WebApi.Agent;

/// <summary>An application service the agent reaches through the in-process tool <c>mcp__app__price_of</c>.</summary>
public interface IPriceList
{
    /// <summary>Looks up the price of an item.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The price, or <see langword="null"/> when the item is unknown.</returns>
    decimal? PriceOf(string item);
}
