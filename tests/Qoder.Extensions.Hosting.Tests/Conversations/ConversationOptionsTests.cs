using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Qoder.Extensions.Hosting.Tests.Conversations;

/// <summary>Invalid <c>Qoder:Conversations</c> settings fail start-up with the key to fix.</summary>
public sealed class ConversationOptionsTests
{
    [Theory]
    [InlineData("Conversations:MaxPinned", "4", "Qoder:Conversations:MaxPinned")]
    [InlineData("Conversations:ReservedSlots", "4", "Qoder:Conversations:ReservedSlots")]
    [InlineData("Conversations:IdleTimeout", "00:00:00", "Qoder:Conversations:IdleTimeout")]
    [InlineData("Conversations:MaxQueuedTurns", "0", "Qoder:Conversations:MaxQueuedTurns")]
    [InlineData("Conversations:EvictionGracePeriod", "00:10:00", "Qoder:Conversations:EvictionGracePeriod")]
    public async Task An_invalid_setting_fails_start_up_naming_its_key(string key, string value, string named)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Qoder:Auth"] = "Headless",
            ["Qoder:Pool:MinIdle"] = "0",
            ["Qoder:Pool:MaxSize"] = "4",
            ["Qoder:" + key] = value,
        });
        builder.AddQoderAgent();
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_defaults_start_with_a_pool_of_one()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Qoder:Auth"] = "Headless",
            ["Qoder:Pool:MinIdle"] = "0",
            ["Qoder:Pool:MaxSize"] = "1",
        });
        builder.AddQoderAgent();
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();
    }
}
