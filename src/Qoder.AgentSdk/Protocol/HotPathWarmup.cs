using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Qoder.AgentSdk.Transport;

namespace Qoder.AgentSdk.Protocol;

/// <summary>
/// Runs the stdout hot path (framing, head scan, typed deserialisation of every common message and block kind) on
/// sample lines once per process, in the background, while the first CLI starts: the runtime's tiered JIT then has
/// the optimised code ready, or nearly, when the first real query streams, instead of running it unoptimised.
/// </summary>
internal static class HotPathWarmup
{
    // Enough calls for every method on the path to pass the JIT's promotion threshold (30 calls) with room to spare.
    private const int Rounds = 64;

    // The JIT counts calls only once no new method was compiled for 100 ms, then promotes in stages in the background:
    // passes spread over about a second walk the path through them, where one burst would end before counting began.
    private const int Passes = 8;

    private static readonly TimeSpan PassInterval = TimeSpan.FromMilliseconds(150);

    private static readonly string[] Samples =
    [
        """{"type":"stream_event","uuid":"00000000-0000-4000-8000-000000000001","session_id":"s","parent_tool_use_id":null,"event":{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"warm"}}}""",
        """{"type":"assistant","uuid":"00000000-0000-4000-8000-000000000002","session_id":"s","parent_tool_use_id":null,"message":{"id":"m","type":"message","role":"assistant","model":"auto","content":[{"type":"tool_use","id":"t","name":"Read","input":{"file_path":"/w"}}],"stop_reason":"tool_use","stop_sequence":null,"usage":{"input_tokens":1,"output_tokens":1,"cache_read_input_tokens":0}}}""",
        """{"type":"assistant","uuid":"00000000-0000-4000-8000-000000000003","session_id":"s","parent_tool_use_id":null,"message":{"id":"m","type":"message","role":"assistant","model":"auto","content":[{"type":"text","text":"warm"},{"type":"thinking","thinking":"w","signature":"x"}],"stop_reason":null}}""",
        """{"type":"user","uuid":"00000000-0000-4000-8000-000000000004","session_id":"s","parent_tool_use_id":null,"timestamp":"2026-01-01T00:00:00Z","message":{"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":"warm","is_error":false}]},"tool_use_result":{"type":"text"}}""",
        """{"type":"system","subtype":"status","uuid":"00000000-0000-4000-8000-000000000005","session_id":"s","status":"warm"}""",
        """{"type":"result","subtype":"success","is_error":false,"duration_ms":1,"duration_api_ms":1,"num_turns":1,"result":"warm","session_id":"s","uuid":"00000000-0000-4000-8000-000000000006","total_cost_usd":0,"usage":{"input_tokens":1,"output_tokens":1},"permission_denials":[]}""",
    ];

    private static int _started;

    /// <summary>Starts the warm-up in the background, once per process; later calls return at once.</summary>
    public static void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            _ = Task.Run(RunAsync);
        }
    }

    /// <summary>Runs the warm-up now.</summary>
    /// <returns>The number of messages parsed.</returns>
    internal static async Task<int> RunAsync()
    {
        var text = new StringBuilder();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var sample in Samples)
            {
                text.Append(sample).Append('\n');
            }
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var parsed = 0;
        for (var pass = 0; pass < Passes; pass++)
        {
            if (pass > 0)
            {
                await Task.Delay(PassInterval).ConfigureAwait(false);
            }

            var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
            await pipe.Writer.WriteAsync(bytes).ConfigureAwait(false);
            await pipe.Writer.CompleteAsync().ConfigureAwait(false);
            var sink = new Sink();
            await PipeLineReader.ReadAsync(pipe.Reader, QoderCliDefaults.MaxLineBytes, sink, CancellationToken.None).ConfigureAwait(false);
            parsed += sink.Parsed;
        }

        return parsed;
    }

    private sealed class Sink : IStdoutLineHandler
    {
        public int Parsed { get; private set; }

        public bool OnLine(in ReadOnlySequence<byte> line)
        {
            // The same calls ControlChannel makes for each line.
            var head = MessageHead.Read(line);
            if (QoderMessageSerializer.RecordFor(head.Type, head.Subtype) is not null && QoderMessageSerializer.ParseLine(line, head) is not UnknownMessage)
            {
                Parsed++;
            }

            return true;
        }

        public ValueTask WaitForRoomAsync() => ValueTask.CompletedTask;
    }
}
