using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Qoder.AgentSdk;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Testing;

namespace Qoder.Extensions.Hosting.Tests;

/// <summary>How a turn ends, seen through <see cref="IQoderAgent"/> and leased sessions over real stand-in processes.</summary>
public sealed class StandInAgentTests : IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _work = new("qoder-turns-");
    private readonly FakeLogCollector _logs = new();
    private StandInLaunch? _launch;

    [Fact]
    public async Task GetMcpStatusAsync_works_on_a_leased_session()
    {
        using var host = BuildHost(QoderScenario.Create(), o => o.SdkMcpServers["demo"] = new QoderSdkMcpServer().AddTool(() => "hi", "echo"));
        await host.StartAsync();

        await using (var session = await host.Services.GetRequiredService<IQoderSessionFactory>().CreateSessionAsync().AsTask().WaitAsync(Guard))
        {
            var servers = await session.GetMcpStatusAsync().WaitAsync(Guard);

            var demo = Assert.Single(servers);
            Assert.Equal("demo", demo.Name);
            Assert.Equal("echo", Assert.Single(demo.Tools).Name);
        }

        await host.StopAsync().WaitAsync(Guard);
    }

    [Fact]
    public async Task Typed_control_requests_and_capability_checks_work_on_a_leased_session()
    {
        using var host = BuildHost(QoderScenario.Create().WithoutCapabilities("side_question_v1"));
        await host.StartAsync();

        await using (var session = await host.Services.GetRequiredService<IQoderSessionFactory>().CreateSessionAsync().AsTask().WaitAsync(Guard))
        {
            var plan = await session.SetPlanModeAsync(true).WaitAsync(Guard);
            var goal = await session.SetGoalAsync(new QoderGoalUpdate { Objective = "Ship it" }).WaitAsync(Guard);
            var models = await session.GetAvailableModelsAsync().WaitAsync(Guard);
            var commands = await session.GetSupportedCommandsAsync();
            var unsupported = await Assert.ThrowsAsync<QoderUnsupportedByCliException>(() => session.AskSideQuestionAsync("why?"));
            var providers = await session.ListByokProvidersAsync().WaitAsync(Guard);
            await session.EnableRemoteProjectionAsync("remote-1").WaitAsync(Guard);
            var checkpoint = await session.DisableRemoteProjectionAsync().WaitAsync(Guard);

            Assert.NotEmpty(providers!);
            Assert.Equal(session.SessionId, session.InitMessage!.SessionId);
            Assert.Equal("remote-1", checkpoint!.RemoteSessionId);
            Assert.True(plan.IsActive);
            Assert.Equal("Ship it", goal!.Objective);
            Assert.NotEmpty(models);
            Assert.Contains(commands, c => c.Name == "help");
            Assert.Equal("side_question_v1", unsupported.Capability);
        }

        await host.StopAsync().WaitAsync(Guard);
    }

    [Fact]
    public async Task A_clean_exit_before_the_result_ends_the_stream()
    {
        using var host = BuildHost(QoderScenario.Create().Turn(t => t.Text("partial").Exit(0)));
        await host.StartAsync();

        var messages = new List<QoderMessage>();
        await foreach (var message in host.Services.GetRequiredService<IQoderAgent>().StreamAsync("hi").WithCancellation(new CancellationTokenSource(Guard).Token))
        {
            messages.Add(message);
        }

        Assert.Contains(messages, m => m is AssistantMessage);
        Assert.DoesNotContain(messages, m => m is ResultMessage);
        await host.StopAsync().WaitAsync(Guard);
    }

    [Fact]
    public async Task RunAsync_fails_with_exit_code_and_stderr_when_the_CLI_exits_before_the_result_and_is_not_retried()
    {
        using var host = BuildHost(QoderScenario.Create().Turn(t => t.Text("partial").Stderr("fatal: quota gone").Exit(0)), retries: 3);
        await host.StartAsync();

        var error = await Assert.ThrowsAsync<QoderTurnEndedWithoutResultException>(
            () => host.Services.GetRequiredService<IQoderAgent>().RunAsync("hi").WaitAsync(Guard));

        Assert.Equal(0, error.ExitCode);
        Assert.Contains("fatal: quota gone", error.StderrTail, StringComparison.Ordinal);
        Assert.Contains("fatal: quota gone", error.Message, StringComparison.Ordinal);
        Assert.Single(StandInPerProcessRecords.RecordFiles(_launch!));
        Assert.DoesNotContain(_logs.GetSnapshot(), r => r.Id.Id == 2104);
        await host.StopAsync().WaitAsync(Guard);
    }

    [Fact]
    public async Task A_subagents_result_does_not_end_the_run()
    {
        var subagentResult = new JsonObject
        {
            ["type"] = "result",
            ["subtype"] = "success",
            ["is_error"] = false,
            ["result"] = "from the subagent",
            ["parent_tool_use_id"] = "toolu_sub",
        };
        using var host = BuildHost(QoderScenario.Create().Turn(t => t.Emit(subagentResult).Text("from the main agent")));
        await host.StartAsync();
        var agent = host.Services.GetRequiredService<IQoderAgent>();

        var result = await agent.RunAsync("delegate").WaitAsync(Guard);
        var streamed = new List<QoderMessage>();
        await foreach (var message in agent.StreamAsync("delegate").WithCancellation(new CancellationTokenSource(Guard).Token))
        {
            streamed.Add(message);
        }

        Assert.Equal("from the main agent", result.Text);
        Assert.Null(result.Result.ParentToolUseId);
        Assert.Equal(2, result.Messages.OfType<ResultMessage>().Count());
        Assert.Null(Assert.IsType<ResultMessage>(streamed[^1]).ParentToolUseId);
        Assert.Equal(2, streamed.OfType<ResultMessage>().Count());
        await host.StopAsync().WaitAsync(Guard);
    }

    [Theory]
    [InlineData("options")]
    [InlineData("environment")]
    public async Task A_missing_CLI_is_never_retried(string source)
    {
        // The CLI exists when the options are validated at start and is gone by the run (an upgrade, a cleaned cache).
        var cli = Path.Combine(_work.Path, "qodercli-removed");
        await File.WriteAllTextAsync(cli, "#!/bin/sh\n");
        var previous = Environment.GetEnvironmentVariable("QODER_CLI_PATH");
        using var host = BuildHost(QoderScenario.Create(), o =>
        {
            o.CliPath = source == "options" ? cli : null;
            o.AutoInstallCli = false;
        }, retries: 3);
        await host.StartAsync();
        File.Delete(cli);
        try
        {
            if (source == "environment")
            {
                Environment.SetEnvironmentVariable("QODER_CLI_PATH", cli);
            }

            var error = await Assert.ThrowsAnyAsync<QoderException>(() => host.Services.GetRequiredService<IQoderAgent>().RunAsync("hi").WaitAsync(Guard));

            // Until the locator checks QODER_CLI_PATH, its launcher reports the missing file as exit code 127.
            Assert.True(error is QoderCliNotFoundException or QoderProcessExitedException { ExitCode: 127 }, error.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("QODER_CLI_PATH", previous);
        }

        Assert.DoesNotContain(_logs.GetSnapshot(), r => r.Id.Id == 2104);
        await host.StopAsync().WaitAsync(Guard);
    }

    public void Dispose() => _work.Dispose();

    private IHost BuildHost(QoderScenario scenario, Action<QoderAgentOptions>? configure = null, int retries = 0)
    {
        _launch = StandInLaunch.Prepare(scenario, _work.Path);
        var launch = _launch;
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Qoder:Auth"] = "Headless" });
        builder.Logging.AddProvider(new FakeLoggerProvider(_logs));
        builder.AddQoderAgent(o =>
        {
            StandInPerProcessRecords.Apply(o, launch, _work.Path);
            configure?.Invoke(o);
        }).ConfigurePool(p => p.MinIdle = 0).AddResilience(r =>
        {
            r.MaxRetryAttempts = retries;
            r.RetryDelay = TimeSpan.Zero;
        });
        return builder.Build();
    }
}
