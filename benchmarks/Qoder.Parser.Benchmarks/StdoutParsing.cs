using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using BenchmarkDotNet.Attributes;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Transport;

namespace Qoder.Parser.Benchmarks;

/// <summary>Parses the first 8 MB of the generated stream as the client does: pipe → lines → typed messages.</summary>
[MemoryDiagnoser]
public class StdoutParsing
{
    public const string StreamVariable = "QODER_PARSER_BENCH_STREAM";

    private const int SliceBytes = 8 * 1024 * 1024;

    private byte[] _bytes = [];
    private byte[][] _lines = [];

    /// <summary>Gets the number of messages per operation.</summary>
    public int Messages => _lines.Length;

    [GlobalSetup]
    public void Setup()
    {
        var path = Environment.GetEnvironmentVariable(StreamVariable) ?? throw new InvalidOperationException($"{StreamVariable} is not set.");
        using var file = File.OpenRead(path);
        var buffer = new byte[SliceBytes];
        var length = file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        length = Array.LastIndexOf(buffer, (byte)'\n', length - 1) + 1;
        _bytes = buffer[..length];
        _lines = [.. Encoding.UTF8.GetString(_bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Encoding.UTF8.GetBytes)];
        Console.WriteLine($"// {_lines.Length} messages, {_bytes.Length} bytes per operation");
    }

    /// <summary>Each line's bytes to its typed message (the serializer's one-pass path).</summary>
    [Benchmark(Baseline = true)]
    public int ParseLines()
    {
        var count = 0;
        foreach (var line in _lines)
        {
            count += QoderMessageSerializer.Parse(line) is UnknownMessage ? 0 : 1;
        }

        return count;
    }

    /// <summary>The same through a pipe, framed in its buffer and parsed in place, as the client reads stdout.</summary>
    [Benchmark]
    public async Task<int> PipeToMessages()
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        await pipe.Writer.WriteAsync(_bytes);
        await pipe.Writer.CompleteAsync();
        var sink = new MessageSink();
        await PipeLineReader.ReadAsync(pipe.Reader, int.MaxValue, sink, CancellationToken.None);
        return sink.Count;
    }

    private sealed class MessageSink : IStdoutLineHandler
    {
        public int Count { get; private set; }

        public bool OnLine(in ReadOnlySequence<byte> line)
        {
            Count += QoderMessageSerializer.ParseLine(line, MessageHead.Read(line)) is UnknownMessage ? 0 : 1;
            return true;
        }

        public ValueTask WaitForRoomAsync() => ValueTask.CompletedTask;
    }
}
