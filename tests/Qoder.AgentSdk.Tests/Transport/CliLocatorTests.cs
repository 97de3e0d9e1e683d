using Microsoft.Extensions.Logging.Abstractions;
using Qoder.AgentSdk.Transport;

namespace Qoder.AgentSdk.Tests.Transport;

/// <summary>Every source of the CLI path is checked the same way: a missing file is <see cref="QoderCliNotFoundException"/> naming the source.</summary>
[Collection(EnvironmentGroup.Name)]
public sealed class CliLocatorTests : IDisposable
{
    private static readonly string[] Variables = ["QODER_CLI_PATH", "QODERCLI_PATH"];
    private readonly Dictionary<string, string?> _saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
    private readonly TempDirectory _dir = new();

    public CliLocatorTests()
    {
        foreach (var variable in Variables)
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    public void Dispose()
    {
        foreach (var (variable, value) in _saved)
        {
            Environment.SetEnvironmentVariable(variable, value);
        }

        _dir.Dispose();
    }

    [Fact]
    public async Task A_missing_CliPath_names_the_option_and_the_path()
    {
        var missing = Path.Combine(_dir.Path, "nope", "qodercli.js");

        var error = await Assert.ThrowsAsync<QoderCliNotFoundException>(() => LocateAsync(new QoderAgentOptions { CliPath = missing }));

        Assert.Contains("QoderAgentOptions.CliPath", error.Message, StringComparison.Ordinal);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Equal([missing], error.SearchedLocations);
    }

    [Fact]
    public async Task A_missing_relative_CliPath_is_reported_too()
    {
        var error = await Assert.ThrowsAsync<QoderCliNotFoundException>(() => LocateAsync(new QoderAgentOptions { CliPath = "no/such/qodercli.js" }));

        Assert.Contains("QoderAgentOptions.CliPath", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.GetFullPath("no/such/qodercli.js"), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("QODER_CLI_PATH")]
    [InlineData("QODERCLI_PATH")]
    public async Task A_missing_file_in_an_environment_variable_names_the_variable_and_the_path(string variable)
    {
        var missing = Path.Combine(_dir.Path, "gone", "qodercli");
        Environment.SetEnvironmentVariable(variable, missing);

        var error = await Assert.ThrowsAsync<QoderCliNotFoundException>(() => LocateAsync(new QoderAgentOptions()));

        Assert.Contains("$" + variable, error.Message, StringComparison.Ordinal);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains(missing, error.SearchedLocations);
    }

    [Theory]
    [InlineData("QODER_CLI_PATH")]
    [InlineData("QODERCLI_PATH")]
    public async Task An_existing_file_in_an_environment_variable_is_used(string variable)
    {
        var cli = Path.Combine(_dir.Path, "qodercli.js");
        await File.WriteAllTextAsync(cli, string.Empty);
        Environment.SetEnvironmentVariable(variable, cli);

        var command = await LocateAsync(new QoderAgentOptions());

        Assert.Equal(cli, command.CliPath);
        Assert.Equal("node", command.FileName);
    }

    [Fact]
    public async Task The_installed_cache_is_used_when_present_and_listed_when_missing()
    {
        var options = new QoderAgentOptions { CliCacheDirectory = _dir.Path, AutoInstallCli = false };
        var cached = QoderCliInstaller.GetCliPath(_dir.Path);

        if (QoderCliInstallerOnPath() is null)
        {
            var error = await Assert.ThrowsAsync<QoderCliNotFoundException>(() => LocateAsync(options));
            Assert.Contains(cached, error.SearchedLocations);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
        await File.WriteAllTextAsync(cached, string.Empty);
        var command = await LocateAsync(options);

        Assert.Equal(QoderCliInstallerOnPath() ?? cached, command.CliPath);
    }

    private static string? QoderCliInstallerOnPath() => QoderCliInstaller.FindOnPath(OperatingSystem.IsWindows() ? "qodercli.exe" : "qodercli");

    private static Task<CliCommand> LocateAsync(QoderAgentOptions options) => CliLocator.LocateAsync(options, NullLogger.Instance, CancellationToken.None);
}
