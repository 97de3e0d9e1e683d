using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Qoder.AgentSdk.Transport;

namespace Qoder.AgentSdk.Tests.Transport;

public sealed class PipeLineReaderTests
{
    [Fact]
    public async Task Lines_split_across_writes_are_framed_whole_and_blank_lines_skipped()
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0, minimumSegmentSize: 16));
        var sink = new Sink();
        var reading = PipeLineReader.ReadAsync(pipe.Reader, 1024, sink, CancellationToken.None);
        foreach (var part in new[] { "{\"a\":", "1}\n\n  \r\n{\"b\":2", "}\r\n{\"c\":\"a long value that spans segments\"}\n{\"last\":true}" })
        {
            await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(part));
        }

        await pipe.Writer.CompleteAsync();
        await reading;
        Assert.Equal(["{\"a\":1}", "{\"b\":2}\r", "{\"c\":\"a long value that spans segments\"}", "{\"last\":true}"], sink.Lines);
    }

    [Fact]
    public async Task A_line_over_the_limit_fails_naming_the_option_even_without_its_newline()
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        var reading = PipeLineReader.ReadAsync(pipe.Reader, 64, new Sink(), CancellationToken.None);
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(new string('x', 100)));
        var error = await Assert.ThrowsAsync<QoderProtocolException>(() => reading);
        Assert.Contains("MaxLineBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_handler_stops_the_read_and_is_waited_for_between_reads()
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        var sink = new Sink { StopAfter = 2 };
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("{}\n{}\n{}\n"));
        await PipeLineReader.ReadAsync(pipe.Reader, 1024, sink, CancellationToken.None);
        Assert.Equal(2, sink.Lines.Count);
    }

    private sealed class Sink : IStdoutLineHandler
    {
        public List<string> Lines { get; } = [];

        public int StopAfter { get; init; } = int.MaxValue;

        public bool OnLine(in ReadOnlySequence<byte> line)
        {
            Lines.Add(Encoding.UTF8.GetString(line));
            return Lines.Count < StopAfter;
        }

        public ValueTask WaitForRoomAsync() => ValueTask.CompletedTask;
    }
}
