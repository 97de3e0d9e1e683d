using System.Runtime.CompilerServices;
using System.Text.Json;
using Qoder.AgentSdk;
using Qoder.AgentSdk.Input;
using Qoder.AgentSdk.Protocol;
using Qoder.Extensions.Hosting.Pooling;

namespace Qoder.Extensions.Hosting.Tests;

/// <summary>A process that exists only in memory: pool logic is tested without spawning anything.</summary>
internal sealed class FakeProcess : IPooledClient, IQoderClient
{
    private static int s_nextPid = 100_000;
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly FakeProcessFactory _factory;
    private bool _connected;

    public FakeProcess(FakeProcessFactory factory, QoderAgentOptions options)
    {
        _factory = factory;
        Options = options;
        ProcessId = Interlocked.Increment(ref s_nextPid);
    }

    public QoderAgentOptions Options { get; }

    public IQoderClient Client => this;

    public int? ExitCode { get; set; }

    public string StderrTail { get; set; } = string.Empty;

    /// <summary>Gets how many times the messages written while idle were dropped.</summary>
    public int Discards { get; private set; }

    public int? ProcessId { get; }

    public bool IsConnected => _connected && !_exited.Task.IsCompleted;

    public Task Completion => _exited.Task;

    // A uuid, as the CLI's are: conversations accept no other id.
    public string? SessionId => $"00000000-0000-0000-0000-{ProcessId:D12}";

    public SystemInitMessage? InitMessage => new() { Type = "system", QodercliVersion = "9.9.9", ProtocolVersion = "1.4.0", SessionId = SessionId };

    public bool Disposed { get; private set; }

    public List<string> Prompts { get; } = [];

    public List<string?> ModelsSet { get; } = [];

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        await _factory.OnConnect(this, cancellationToken);
        _connected = true;
    }

    public List<string> SentUuids { get; } = [];

    public Task<string> SendAsync(string prompt, CancellationToken cancellationToken = default)
    {
        Prompts.Add(prompt);
        var uuid = Guid.NewGuid().ToString();
        SentUuids.Add(uuid);
        return Task.FromResult(uuid);
    }

    public Task<string> SendAsync(string prompt, string uuid, CancellationToken cancellationToken)
    {
        Prompts.Add(prompt);
        SentUuids.Add(uuid);
        return Task.FromResult(uuid);
    }

    /// <summary>Gets a value indicating whether stdin was closed (a graceful end was asked for).</summary>
    public bool InputEnded { get; private set; }

    public void EndInput()
    {
        InputEnded = true;
        _exited.TrySetResult();
    }

    public Task FlushPendingWorkAsync() => Task.CompletedTask;

    public Task<string> SendAsync(QoderUserInput input, CancellationToken cancellationToken = default) =>
        SendAsync(string.Concat(input.Content.OfType<QoderTextInput>().Select(t => t.Text)), cancellationToken);

    public async IAsyncEnumerable<QoderMessage> ReceiveResponseAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var message in _factory.OnReceive(this, cancellationToken))
        {
            yield return message;
        }
    }

    public Task InterruptAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task SetModelAsync(string? model, CancellationToken cancellationToken = default)
    {
        ModelsSet.Add(model);
        return Task.CompletedTask;
    }

    public Task SetPermissionModeAsync(QoderPermissionMode mode, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<JsonElement?> SendControlRequestAsync(System.Text.Json.Nodes.JsonObject request, CancellationToken cancellationToken = default) =>
        Task.FromResult<JsonElement?>(Empty);

    public void DiscardBufferedMessages() => Discards++;

    public void Crash() => _exited.TrySetResult();

    public bool Killed { get; private set; }

    public void Abort()
    {
        _factory.OnAbort(this);
        Killed = true;
        _exited.TrySetResult();
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        _exited.TrySetResult();
        return ValueTask.CompletedTask;
    }

    public static async IAsyncEnumerable<QoderMessage> Reply(string text, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        yield return new AssistantMessage { Type = "assistant", Message = new AssistantContent { Content = [new TextBlock { Type = "text", Text = text }] } };
        yield return new ResultMessage
        {
            Type = "result",
            Subtype = "success",
            Result = text,
            SessionId = "s-1",
            Usage = new QoderUsage { InputTokens = 10, OutputTokens = 3 },
        };
    }

    public static JsonElement Empty => JsonDocument.Parse("{}").RootElement;
}

internal sealed class FakeProcessFactory : IQoderClientFactory
{
    private readonly List<FakeProcess> _created = [];

    public Func<FakeProcess, CancellationToken, Task> OnConnect { get; set; } = (_, _) => Task.CompletedTask;

    public Action<FakeProcess> OnAbort { get; set; } = _ => { };

    public Func<FakeProcess, CancellationToken, IAsyncEnumerable<QoderMessage>> OnReceive { get; set; } = (_, ct) => FakeProcess.Reply("OK", ct);

    public IReadOnlyList<FakeProcess> Created
    {
        get
        {
            lock (_created)
            {
                return [.. _created];
            }
        }
    }

    public IPooledClient Create(QoderAgentOptions options)
    {
        var process = new FakeProcess(this, options);
        lock (_created)
        {
            _created.Add(process);
        }

        return process;
    }
}
