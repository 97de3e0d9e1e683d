namespace Qoder.AgentSdk.Tests.Mcp;

/// <summary>An application service a tool takes as a parameter.</summary>
public sealed class PriceList
{
    private readonly int _price = 42;

    public string Price(string sku) => $"{sku} costs {_price}";
}
