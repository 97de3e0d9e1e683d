using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Qoder.AgentSdk;
using Qoder.AgentSdk.Testing;
using Qoder.Extensions.Hosting;

namespace Qoder.Reliability.Tests;

/// <summary>Client options, and host builders with an agent, that start the stand-in of a <see cref="StandInLaunch"/>.</summary>
internal static class StandInOptions
{
    public static QoderAgentOptions For(StandInLaunch launch, string workingDirectory, QoderAuth auth)
    {
        var options = new QoderAgentOptions { CliPath = launch.CliPath, WorkingDirectory = workingDirectory, AutoInstallCli = false, Auth = auth };
        ApplyTo(launch, options);
        return options;
    }

    public static void ApplyTo(StandInLaunch launch, QoderAgentOptions options)
    {
        foreach (var (name, value) in launch.Environment)
        {
            options.Environment[name] = value;
        }
    }

    /// <summary>A host builder with the default agent on the stand-in (headless) and the pool sizes given.</summary>
    public static (HostApplicationBuilder Builder, IQoderAgentBuilder Agent) HostWithAgent(StandInLaunch launch, string workingDirectory, int minIdle, int maxSize = 4, Action<QoderAgentOptions>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Qoder:Auth"] = "Headless" });
        var agent = builder.AddQoderAgent(o =>
        {
            o.CliPath = launch.CliPath;
            o.AutoInstallCli = false;
            o.WorkingDirectory = workingDirectory;
            ApplyTo(launch, o);
            configure?.Invoke(o);
        }).ConfigurePool(p =>
        {
            p.MinIdle = minIdle;
            p.MaxSize = maxSize;
        });
        return (builder, agent);
    }
}
