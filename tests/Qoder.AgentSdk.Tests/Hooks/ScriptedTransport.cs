using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Qoder.AgentSdk.Transport;

namespace Qoder.AgentSdk.Tests.Hooks;

/// <summary>An in-memory transport: the test writes the CLI's stdout lines and reads what the client wrote to stdin.</summary>
internal sealed class ScriptedTransport : IQoderTransport
{
    private readonly Pipe _stdout = new(new PipeOptions(pauseWriterThreshold: 0));
    private readonly Lock _stdoutLock = new();
    private readonly Channel<JsonElement> _stdin = Channel.CreateUnbounded<JsonElement>();
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int? ProcessId => null;

    public string StderrTail => string.Empty;

    public Task<int> Exited => _exited.Task;

    public ChannelReader<JsonElement> Written => _stdin.Reader;

    public void Emit(string json)
    {
        lock (_stdoutLock)
        {
            if (_exited.Task.IsCompleted)
            {
                return;
            }

            var bytes = Encoding.UTF8.GetBytes(json + "\n");
            bytes.CopyTo(_stdout.Writer.GetSpan(bytes.Length));
            _stdout.Writer.Advance(bytes.Length);

            // The pipe never pauses its writer (no threshold), so the flush completes at once.
            _ = _stdout.Writer.FlushAsync().AsTask();
        }
    }

    public Task ReadLinesAsync(IStdoutLineHandler handler, CancellationToken cancellationToken) =>
        PipeLineReader.ReadAsync(_stdout.Reader, QoderCliDefaults.MaxLineBytes, handler, cancellationToken);

    public ValueTask WriteLineAsync(ReadOnlyMemory<byte> line, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(line);
        _stdin.Writer.TryWrite(document.RootElement.Clone());
        return ValueTask.CompletedTask;
    }

    public void EndInput() => Kill();

    public void Kill()
    {
        lock (_stdoutLock)
        {
            if (_exited.TrySetResult(0))
            {
                _stdout.Writer.Complete();
            }
        }
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
