using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Qoder.AgentSdk.Transport;

namespace Qoder.AgentSdk.Tests.Hooks;

/// <summary>An in-memory transport: the test writes the CLI's stdout lines and reads what the client wrote to stdin.</summary>
internal sealed class ScriptedTransport : IQoderTransport
{
    private readonly Channel<byte[]> _stdout = Channel.CreateUnbounded<byte[]>();
    private readonly Channel<JsonElement> _stdin = Channel.CreateUnbounded<JsonElement>();
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int? ProcessId => null;

    public string StderrTail => string.Empty;

    public Task<int> Exited => _exited.Task;

    public ChannelReader<JsonElement> Written => _stdin.Reader;

    public void Emit(string json) => _stdout.Writer.TryWrite(Encoding.UTF8.GetBytes(json));

    public async IAsyncEnumerable<byte[]> ReadLinesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var line in _stdout.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return line;
        }
    }

    public ValueTask WriteLineAsync(ReadOnlyMemory<byte> line, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(line);
        _stdin.Writer.TryWrite(document.RootElement.Clone());
        return ValueTask.CompletedTask;
    }

    public void EndInput() => Kill();

    public void Kill()
    {
        _stdout.Writer.TryComplete();
        _exited.TrySetResult(0);
    }

    public Task ShutdownAsync()
    {
        Kill();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }
}
