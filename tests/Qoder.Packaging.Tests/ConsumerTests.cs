using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Qoder.Packaging.Tests;

/// <summary>
/// A fresh project from <c>dotnet new web</c>, restoring only from the packed feed and the public registry, runs the
/// README's "In a host" lines against the packaged stand-in: IQoderAgent returns the scripted reply and /health is Healthy.
/// </summary>
public sealed partial class ConsumerTests(PackageFeed feed) : IClassFixture<PackageFeed>
{
    private const string Reply = "Hello from the packaged stand-in";

    [Fact]
    public async Task A_fresh_web_project_installs_the_packages_and_runs_an_agent()
    {
        using var work = new TempDirectory("qoder-consumer-");
        var app = Path.Combine(work.Path, "ConsumerApp");
        await File.WriteAllTextAsync(Path.Combine(work.Path, "nuget.config"), NuGetConfig(work.Path));
        var environment = new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Production", ["ASPNETCORE_ENVIRONMENT"] = "Production" };
        var timeout = TimeSpan.FromMinutes(10);

        await DotNet.RunAsync(work.Path, "new web -o ConsumerApp --no-restore", timeout, environment);
        await DotNet.RunAsync(app, $"add package Qoder.Extensions.Hosting --version {feed.Version} --no-restore", timeout, environment);
        await DotNet.RunAsync(app, $"add package Qoder.AgentSdk.Testing --version {feed.Version} --no-restore", timeout, environment);
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), Program(ReadmeHostLines()));
        await DotNet.RunAsync(app, "build -c Release", timeout, environment);

        using var process = Start(Path.Combine(app, "bin", "Release", "net10.0", "ConsumerApp.dll"), environment);
        try
        {
            var url = await ListeningUrlAsync(process);
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };

            var run = await http.GetStringAsync(new Uri("/run", UriKind.Relative));
            Assert.StartsWith(Reply, run, StringComparison.Ordinal);
            if (feed.Entries("Qoder.AgentSdk.Testing").Contains("runtimes/linux-x64/native/qodercli-standin") && OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64)
            {
                Assert.EndsWith("native=True", run, StringComparison.Ordinal);
            }

            await Eventually.TrueAsync(
                async () => await http.GetStringAsync(new Uri("/health", UriKind.Relative)) == "Healthy",
                "/health reports Healthy once the pool is warm",
                TimeSpan.FromSeconds(60));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    // The README's "In a host" code block, verbatim: if it stops compiling against the packages, this test says so.
    private static string ReadmeHostLines()
    {
        var readme = File.ReadAllText(Path.Combine(PackageFeed.RepositoryRoot(), "README.md"));
        return HostBlock().Match(readme).Groups[1].Value;
    }

    private static string Program(string readmeLines) => $$"""
        using Qoder.AgentSdk.Testing;
        using Qoder.Extensions.Hosting;

        var builder = WebApplication.CreateBuilder(args);
        var launch = StandInLaunch.Prepare(new QoderScenario().Reply("{{Reply}}"), Path.Combine(AppContext.BaseDirectory, "standin"));
        var settings = new Dictionary<string, string?> { ["Qoder:Auth"] = "Headless", ["Qoder:Agent:CliPath"] = launch.CliPath };
        foreach (var (name, value) in launch.Environment)
        {
            settings[$"Qoder:Agent:Environment:{name}"] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        {{readmeLines}}
        var app = builder.Build();
        app.MapHealthChecks("/health");
        app.MapGet("/run", async (IQoderAgent agent, CancellationToken ct) => $"{(await agent.RunAsync("hi", cancellationToken: ct)).Text} native={launch.IsNative}");
        app.Run();
        """;

    private string NuGetConfig(string work) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <config>
            <add key="globalPackagesFolder" value="{Path.Combine(work, "packages")}" />
          </config>
          <fallbackPackageFolders>
            <clear />
            <add key="user" value="{Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages")}" />
          </fallbackPackageFolders>
          <packageSources>
            <clear />
            <add key="local" value="{feed.Directory}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
          </packageSources>
        </configuration>
        """;

    private static Process Start(string dll, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return Process.Start(info)!;
    }

    private static async Task<string> ListeningUrlAsync(Process process)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var seen = new System.Text.StringBuilder();
        while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
        {
            seen.AppendLine(line);
            if (Listening().Match(line) is { Success: true } match)
            {
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return match.Groups[1].Value;
            }
        }

        throw new InvalidOperationException($"The app ended before listening:\n{seen}{await process.StandardError.ReadToEndAsync(cancel.Token)}");
    }

    [GeneratedRegex(@"## In a host\s+```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex HostBlock();

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();
}
