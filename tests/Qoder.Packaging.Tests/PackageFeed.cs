using System.Diagnostics;
using System.IO.Compression;

namespace Qoder.Packaging.Tests;

/// <summary>
/// The shipped packages in a local folder feed: the one <c>.ci/run</c> packed (<c>QODER_PACKAGE_FEED</c>), otherwise
/// packed here once for the test run, in Release as a release would.
/// </summary>
public sealed class PackageFeed : IAsyncLifetime, IDisposable
{
    public const string FeedVariable = "QODER_PACKAGE_FEED";
    public static readonly string[] Shipped = ["Qoder.AgentSdk", "Qoder.Extensions.Hosting", "Qoder.AgentSdk.Testing"];

    private TempDirectory? _packed;

    public string Directory { get; private set; } = string.Empty;

    public string Version { get; private set; } = string.Empty;

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Qoder.Extensions.Hosting.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Qoder.Extensions.Hosting.sln above {AppContext.BaseDirectory}.");
    }

    public async Task InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable(FeedVariable);
        if (!string.IsNullOrEmpty(given))
        {
            Directory = Path.GetFullPath(given);
        }
        else
        {
            _packed = new TempDirectory("qoder-feed-");
            Directory = _packed.Path;
            foreach (var project in Shipped)
            {
                var path = Path.Combine(RepositoryRoot(), "src", project, $"{project}.csproj");
                await DotNet.RunAsync(RepositoryRoot(), $"pack \"{path}\" -c Release -o \"{Directory}\"", TimeSpan.FromMinutes(15));
            }
        }

        var hosting = System.IO.Directory.GetFiles(Directory, "Qoder.Extensions.Hosting.*.nupkg").Single(p => !p.EndsWith(".snupkg", StringComparison.Ordinal));
        Version = Path.GetFileNameWithoutExtension(hosting)["Qoder.Extensions.Hosting.".Length..];
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _packed?.Dispose();

    public string Package(string id) => Path.Combine(Directory, $"{id}.{Version}.nupkg");

    public string Symbols(string id) => Path.Combine(Directory, $"{id}.{Version}.snupkg");

    public IReadOnlyList<string> Entries(string id)
    {
        using var zip = ZipFile.OpenRead(Package(id));
        return [.. zip.Entries.Select(e => e.FullName)];
    }

    public string ReadEntry(string id, string entry)
    {
        using var zip = ZipFile.OpenRead(Package(id));
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }
}

/// <summary>Runs the dotnet CLI and fails with its output when it does.</summary>
internal static class DotNet
{
    public static async Task<string> RunAsync(string workingDirectory, string arguments, TimeSpan timeout, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {arguments} did not finish within {timeout}.");
        }

        var text = await output + await error;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {arguments} exited with {process.ExitCode}:\n{text}");
        }

        return text;
    }
}
