using System.Collections.Concurrent;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using Qoder.AgentSdk;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Testing;

namespace Qoder.Extensions.Hosting.Tests;

/// <summary>Tool permissions, hooks and in-process tools from DI, over the pool and real stand-in CLI processes.</summary>
public sealed class CallbackTests : IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _work = new("qoder-callbacks-");
    private readonly FakeLogCollector _logs = new();
    private StandInLaunch? _launch;

    [Fact]
    public async Task A_DI_permission_handler_allows_a_read_and_denies_a_write()
    {
        using var host = BuildHost(ReadThenWrite(), agent => agent.AddToolPermissionHandler<ReadOnlyPolicy>());
        await host.StartAsync();
        var calls = host.Services.GetRequiredService<CallLog>();

        var result = await host.Services.GetRequiredService<IQoderAgent>().RunAsync("read then write").WaitAsync(Guard);

        Assert.Equal(["Read", "Write"], calls.Tools);
        var denial = Assert.Single(result.Result.PermissionDenials);
        Assert.Equal("Write", denial.ToolName);
        var results = ToolResults(result);
        Assert.False(results[0].IsError ?? false);
        Assert.True(results[1].IsError);
        Assert.Contains("writes are not allowed", results[1].ContentText, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_work.Path, "out.txt")));
        await StopAsync(host);
        Assert.Equal(["Read"], Recordings().SelectMany(r => r.ToolExecutions).Select(t => t.Name));
    }

    [Fact]
    public async Task The_handlers_scoped_dependency_is_shared_by_the_run_and_disposed_after_it()
    {
        using var host = BuildHost(ReadThenWrite(), agent => agent.AddToolPermissionHandler<ReadOnlyPolicy>());
        await host.StartAsync();
        var calls = host.Services.GetRequiredService<CallLog>();

        await host.Services.GetRequiredService<IQoderAgent>().RunAsync("read then write").WaitAsync(Guard);

        Assert.Equal(2, calls.Scopes.Count);
        var scope = Assert.Single(calls.Scopes.Distinct());
        Assert.Equal(0, calls.DisposedWhileCalled);
        await scope.Disposed.WaitAsync(Guard);
        await StopAsync(host);
    }

    [Fact]
    public async Task A_handler_that_throws_denies_with_a_fixed_message_logs_the_exception_and_the_host_carries_on()
    {
        using var host = BuildHost(ReadThenWrite(), agent => agent.AddToolPermissionHandler<ThrowingPolicy>());
        await host.StartAsync();
        var agent = host.Services.GetRequiredService<IQoderAgent>();

        var first = await agent.RunAsync("read then write").WaitAsync(Guard);
        var second = await agent.RunAsync("again").WaitAsync(Guard);

        foreach (var result in new[] { first, second })
        {
            Assert.Equal("success", result.Result.Subtype);
            Assert.Equal("Write", Assert.Single(result.Result.PermissionDenials).ToolName);
            var denial = ToolResults(result)[1].ContentText;
            Assert.Contains("The host's callback failed", denial, StringComparison.Ordinal);
            Assert.DoesNotContain("policy store is offline", denial, StringComparison.Ordinal);
        }

        // The exception stays in the host: logged once per run, not sent to the CLI.
        var failures = _logs.GetSnapshot().Where(r => r.Id.Id == 1032).ToList();
        Assert.Equal(2, failures.Count);
        Assert.All(failures, r => Assert.Equal("The policy store is offline.", Assert.IsType<InvalidOperationException>(r.Exception).Message));

        await StopAsync(host);
    }

    [Fact]
    public async Task A_slow_handler_is_cancelled_when_the_run_is_cancelled()
    {
        using var host = BuildHost(ReadThenWrite(), agent => agent.AddToolPermissionHandler<SlowPolicy>());
        await host.StartAsync();
        var calls = host.Services.GetRequiredService<CallLog>();
        using var cts = new CancellationTokenSource();

        var run = host.Services.GetRequiredService<IQoderAgent>().RunAsync("read then write", cancellationToken: cts.Token);
        await calls.Started.Task.WaitAsync(Guard);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Guard));
        await calls.Cancelled.Task.WaitAsync(Guard);
        await StopAsync(host);
    }

    [Fact]
    public async Task Concurrent_permission_requests_are_handled_concurrently_each_in_its_own_scope()
    {
        using var host = BuildHost(ReadThenWrite(), agent => agent.AddToolPermissionHandler<BarrierPolicy>(), maxSize: 2);
        await host.StartAsync();
        var calls = host.Services.GetRequiredService<CallLog>();
        var agent = host.Services.GetRequiredService<IQoderAgent>();

        // Each handler waits until both runs have asked: handled one after the other, neither would ever answer.
        var results = await Task.WhenAll(agent.RunAsync("one"), agent.RunAsync("two")).WaitAsync(Guard);

        Assert.All(results, r => Assert.Equal("Write", Assert.Single(r.Result.PermissionDenials).ToolName));
        Assert.Equal(2, calls.Scopes.Distinct().Count());
        await StopAsync(host);
    }

    [Fact]
    public async Task Hooks_from_DI_see_PreToolUse_and_PostToolUse()
    {
        var scenario = QoderScenario.Create().Turn(t => t
            .ToolUse("Write", new JsonObject { ["file_path"] = "hooked.txt", ["content"] = "hi" })
            .Text("Written."));
        using var host = BuildHost(scenario, agent => agent
            .AddHook<PreToolUseRecorder>(QoderHookEvent.PreToolUse, "Write|Edit")
            .AddHook(QoderHookEvent.PostToolUse, null, static (services, input, _) =>
            {
                services.GetRequiredService<CallLog>().Hooks.Enqueue(input);
                return ValueTask.FromResult<QoderHookOutput?>(null);
            }));
        await host.StartAsync();
        var calls = host.Services.GetRequiredService<CallLog>();

        var result = await host.Services.GetRequiredService<IQoderAgent>().RunAsync("write it").WaitAsync(Guard);

        Assert.Equal("Written.", result.Text);
        var pre = Assert.IsType<QoderPreToolUseHookInput>(calls.Hooks.First(h => h.Event == QoderHookEvent.PreToolUse));
        Assert.Equal("Write", pre.ToolName);
        Assert.Equal("hooked.txt", pre.ToolInput.GetProperty("file_path").GetString());
        Assert.Contains(calls.Hooks, h => h.Event == QoderHookEvent.PostToolUse);
        Assert.Single(calls.Scopes);
        await StopAsync(host);
    }

    [Fact]
    public async Task An_in_process_tool_backed_by_a_DI_service_is_called_and_its_result_is_in_the_transcript()
    {
        var scenario = QoderScenario.Create().Turn(t => t
            .ToolUse("mcp__app__price_of", new JsonObject { ["item"] = "apple" })
            .ToolUse("mcp__app__shout", new JsonObject { ["text"] = "cheap" })
            .ToolUse("mcp__app__price_of", new JsonObject { ["item"] = "durian" })
            .Text("Priced."));
        using var host = BuildHost(scenario, agent => agent
            .AddTools<PriceTools>("app")
            .AddTool("app", (string text) => text.ToUpperInvariant(), name: "shout", description: "Shouts the text."));
        await host.StartAsync();

        var result = await host.Services.GetRequiredService<IQoderAgent>().RunAsync("price an apple").WaitAsync(Guard);

        var results = ToolResults(result);
        Assert.Equal(3, results.Count);
        Assert.Contains("apple costs 1.25", results[0].ContentText, StringComparison.Ordinal);
        Assert.False(results[0].IsError ?? false);
        Assert.Contains("CHEAP", results[1].ContentText, StringComparison.Ordinal);
        Assert.True(results[2].IsError);
        Assert.Contains("No price for durian.", results[2].ContentText, StringComparison.Ordinal);
        Assert.Equal("Priced.", result.Text);

        // One scope per run: both price_of calls got the same scoped PriceTools.
        Assert.Single(host.Services.GetRequiredService<CallLog>().Scopes.Distinct());
        await StopAsync(host);
    }

    public void Dispose()
    {
        ProcessWatch.Kill(Recordings().Select(r => r.ProcessId).OfType<int>());

        _work.Dispose();
    }

    private static QoderScenario ReadThenWrite() => QoderScenario.Create().Turn(t => t
        .ToolUse("Read", new JsonObject { ["file_path"] = "notes.txt" }, result: "the notes", requiresPermission: true)
        .ToolUse("Write", new JsonObject { ["file_path"] = "out.txt", ["content"] = "x" })
        .Text("Done."));

    private static List<ToolResultBlock> ToolResults(QoderRunResult result) =>
        [.. result.Messages.OfType<UserMessage>().SelectMany(m => m.Message.Blocks).OfType<ToolResultBlock>()];

    private async Task StopAsync(IHost host)
    {
        await host.StopAsync().WaitAsync(Guard);
        foreach (var pid in Recordings().Select(r => r.ProcessId).OfType<int>())
        {
            Assert.False(ProcessLiveness.IsAlive(pid), string.Create(CultureInfo.InvariantCulture, $"process {pid} is still running"));
        }
    }

    private List<StandInRecording> Recordings() => _launch is null
        ? []
        : [.. StandInPerProcessRecords.RecordFiles(_launch).Select(StandInRecording.Load)];

    private IHost BuildHost(QoderScenario scenario, Action<IQoderAgentBuilder> callbacks, int maxSize = 1)
    {
        _launch = StandInLaunch.Prepare(scenario, _work.Path);
        var launch = _launch;
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.AddProvider(new FakeLoggerProvider(_logs));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Qoder:Auth"] = "Headless" });
        builder.Services.AddSingleton<CallLog>();
        builder.Services.AddSingleton<IPriceList, FixedPriceList>();
        builder.Services.AddScoped<RunScope>();
        var agent = builder.AddQoderAgent(o =>
        {
            StandInPerProcessRecords.Apply(o, launch, _work.Path);
        }).ConfigurePool(p =>
        {
            p.MinIdle = 0;
            p.MaxSize = maxSize;
        });
        callbacks(agent);
        return builder.Build();
    }

    /// <summary>What the callbacks saw, across runs (a singleton).</summary>
    internal sealed class CallLog
    {
        public ConcurrentQueue<RunScope> Scopes { get; } = new();

        public ConcurrentQueue<string> ToolQueue { get; } = new();

        public string[] Tools => [.. ToolQueue];

        public ConcurrentQueue<QoderHookInput> Hooks { get; } = new();

        public int DisposedWhileCalled;

        public int Arrived;

        public TaskCompletionSource BothArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Saw(RunScope scope, string tool)
        {
            Scopes.Enqueue(scope);
            ToolQueue.Enqueue(tool);
            if (scope.IsDisposed)
            {
                Interlocked.Increment(ref DisposedWhileCalled);
            }
        }
    }

    /// <summary>A scoped dependency: one per run.</summary>
    internal sealed class RunScope : IDisposable
    {
        private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool IsDisposed => _disposed.Task.IsCompleted;

        public Task Disposed => _disposed.Task;

        public void Dispose() => _disposed.TrySetResult();
    }

    internal sealed class ReadOnlyPolicy(RunScope scope, CallLog log) : IQoderToolPermissionHandler
    {
        public ValueTask<QoderToolPermissionResult> DecideAsync(QoderToolPermissionRequest request, CancellationToken cancellationToken)
        {
            log.Saw(scope, request.ToolName);
            return ValueTask.FromResult(request.ToolName == "Read"
                ? QoderToolPermissionResult.Allow()
                : QoderToolPermissionResult.Deny("writes are not allowed here"));
        }
    }

    internal sealed class ThrowingPolicy : IQoderToolPermissionHandler
    {
        public ValueTask<QoderToolPermissionResult> DecideAsync(QoderToolPermissionRequest request, CancellationToken cancellationToken) =>
            request.ToolName == "Read"
                ? ValueTask.FromResult(QoderToolPermissionResult.Allow())
                : throw new InvalidOperationException("The policy store is offline.");
    }

    internal sealed class SlowPolicy(CallLog log) : IQoderToolPermissionHandler
    {
        public async ValueTask<QoderToolPermissionResult> DecideAsync(QoderToolPermissionRequest request, CancellationToken cancellationToken)
        {
            log.Started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                log.Cancelled.TrySetResult();
                throw;
            }

            return QoderToolPermissionResult.Allow();
        }
    }

    internal sealed class BarrierPolicy(RunScope scope, CallLog log) : IQoderToolPermissionHandler
    {
        public async ValueTask<QoderToolPermissionResult> DecideAsync(QoderToolPermissionRequest request, CancellationToken cancellationToken)
        {
            if (request.ToolName != "Read")
            {
                return QoderToolPermissionResult.Deny("writes are not allowed here");
            }

            log.Saw(scope, request.ToolName);
            if (Interlocked.Increment(ref log.Arrived) == 2)
            {
                log.BothArrived.TrySetResult();
            }

            await log.BothArrived.Task.WaitAsync(cancellationToken);
            return QoderToolPermissionResult.Allow();
        }
    }

    internal sealed class PreToolUseRecorder(RunScope scope, CallLog log) : IQoderHookHandler
    {
        public ValueTask<QoderHookOutput?> HandleAsync(QoderHookInput input, CancellationToken cancellationToken)
        {
            log.Scopes.Enqueue(scope);
            log.Hooks.Enqueue(input);
            return ValueTask.FromResult<QoderHookOutput?>(null);
        }
    }

    internal interface IPriceList
    {
        decimal? PriceOf(string item);
    }

    internal sealed class FixedPriceList : IPriceList
    {
        public decimal? PriceOf(string item) => item == "apple" ? 1.25m : null;
    }

    internal sealed class PriceTools(RunScope scope, CallLog log)
    {
        [McpServerTool(Name = "price_of", ReadOnly = true)]
        [Description("The price of an item.")]
        public string PriceOf(string item, IPriceList prices)
        {
            log.Scopes.Enqueue(scope);
            return prices.PriceOf(item) is { } price
                ? string.Create(CultureInfo.InvariantCulture, $"{item} costs {price}")
                : throw new McpException($"No price for {item}.");
        }
    }
}
