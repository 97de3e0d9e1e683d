using Xunit.Abstractions;

namespace Qoder.Conformance.Tests;

/// <summary>The real CLI 1.1.52 in SDK mode (route B, local backend mock) with a service-account payload.</summary>
[Trait("Category", "RealCli")]
public sealed class RealCliServiceAuthTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Key = "sa-fake-conformance-key-0123456789";
    private readonly RouteBTarget _target = new();
    private ConformanceRun? _run;

    public async Task InitializeAsync() => _run = await _target.StartRunAsync();

    public async Task DisposeAsync()
    {
        if (_run is not null)
        {
            await _run.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_service_account_key_is_read_and_the_failed_exchange_is_a_typed_auth_error()
    {
        var expired = 0;
        var options = await _target.CreateOptionsAsync(_run!, ConformanceScript.Reply("unused"));
        options.Auth = QoderAuth.ServiceAccount(Key);
        options.OnAuthExpired = () => Interlocked.Increment(ref expired);
        await using var client = new QoderClient(options);

        var error = await Assert.ThrowsAsync<QoderAuthenticationException>(() => client.ConnectAsync()).WaitAsync(TimeSpan.FromMinutes(3));

        output.WriteLine($"{error.TerminalReason}: {error.Message}");
        Assert.StartsWith("service_account", error.TerminalReason, StringComparison.Ordinal);
        Assert.Equal(1, expired);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, client.StderrTail, StringComparison.Ordinal);
        Assert.False(Directory.Exists(client.PayloadDirectory));
    }
}
