using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Qoder.AgentSdk;
using Qoder.AgentSdk.Testing;
using Qoder.Extensions.Hosting;

namespace Qoder.Reliability.Tests;

/// <summary>Failures reach the caller and nothing else: no task is left faulted and unobserved, which apps that fail on such exceptions would see.</summary>
public sealed class UnobservedExceptionTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("qoder-unobserved-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Theory]
    [InlineData("startup", 0)]
    [InlineData("initialize", 0)]
    [InlineData("startup", 1)]
    [InlineData("initialize", 1)]
    public async Task A_CLI_that_exits_before_answering_initialize_leaves_no_unobserved_task_exception(string exitAt, int minIdle)
    {
        var unobserved = new ConcurrentQueue<Exception>();
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e)
        {
            if (e.Exception.Flatten().InnerExceptions.Any(x => x is QoderException || x.GetType().Namespace?.StartsWith("Qoder", StringComparison.Ordinal) == true))
            {
                unobserved.Enqueue(e.Exception);
            }
        }

        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            await RunFailingStartsAsync(exitAt, minIdle);
            for (var i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }

        Assert.Empty(unobserved);
    }

    private async Task RunFailingStartsAsync(string exitAt, int minIdle)
    {
        var scenario = exitAt == "startup"
            ? QoderScenario.Create().OnStartup(t => t.Crash(3, "fatal: cannot start"))
            : QoderScenario.Create().OnInitializeRequest(t => t.Crash(3, "fatal: cannot start"));
        var launch = StandInLaunch.Prepare(scenario, _work);
        var (builder, agentBuilder) = StandInOptions.HostWithAgent(launch, _work, minIdle);
        agentBuilder.AddResilience(r => r.MaxRetryAttempts = 0);
        using var host = builder.Build();
        await host.StartAsync();

        var agent = host.Services.GetRequiredService<IQoderAgent>();
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<QoderProcessExitedException>(() => agent.RunAsync("hi"));
        }

        await host.StopAsync();
    }
}
