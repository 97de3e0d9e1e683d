using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Qoder.Samples.WebApi.Tests;

/// <summary>Hosts the sample with configuration overrides given as settings (seen before <c>Program</c> reads them).</summary>
internal sealed class SampleAppFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public SampleAppFactory(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
