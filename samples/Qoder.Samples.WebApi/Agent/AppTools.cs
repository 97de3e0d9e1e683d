using System.ComponentModel;
using System.Globalization;
using ModelContextProtocol.Server;

namespace Qoder.Samples.WebApi.Agent;

/// <summary>The application's tools, served in-process as the MCP server <c>app</c> (the agent sees <c>mcp__app__price_of</c>).</summary>
/// <param name="prices">The price list, injected from DI.</param>
public sealed class AppTools(IPriceList prices)
{
    /// <summary>Looks up the price of an item.</summary>
    /// <param name="item">The item, such as <c>apple</c>.</param>
    /// <returns>The price text; an unknown item is a tool error the model sees.</returns>
    [McpServerTool(Name = "price_of", ReadOnly = true)]
    [Description("Returns the price of an item in EUR from the shop's price list.")]
    public string PriceOf([Description("The item, such as apple.")] string item) =>
        prices.PriceOf(item) is { } price
            ? string.Create(CultureInfo.InvariantCulture, $"{item} costs {price} EUR")
            : throw new KeyNotFoundException($"There is no price for '{item}'.");
}
