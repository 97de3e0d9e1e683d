using System.Text;
using Qoder.AgentSdk.CloudAgent;

namespace Qoder.AgentSdk.Tests.CloudAgent;

/// <summary>The SSE reader's framing and its bounds.</summary>
public sealed class SseReaderTests
{
    [Fact]
    public async Task An_overlong_line_drops_its_event_and_the_next_event_is_read()
    {
        var body = "id: big\nevent: x\ndata: " + new string('a', SseReader.MaxLineChars + 10) + "\n\nid: next\nevent: y\ndata: 1\ndata: 2\n\n";

        var events = await ReadAsync(body);

        var only = Assert.Single(events);
        Assert.Equal(new SseEvent("next", "y", "1\n2"), only);
    }

    [Fact]
    public async Task Event_data_past_the_limit_is_dropped_and_a_final_event_without_blank_line_is_dispatched()
    {
        var chunk = new string('b', SseReader.MaxLineChars - 10);
        var big = new StringBuilder("id: big\n");
        for (var i = 0; i < 5; i++)
        {
            big.Append("data: ").Append(chunk).Append('\n');
        }

        big.Append("\nid: last\ndata: tail");

        var events = await ReadAsync(big.ToString());

        Assert.Equal(new SseEvent("last", "message", "tail"), Assert.Single(events));
    }

    private static async Task<List<SseEvent>> ReadAsync(string body)
    {
        var list = new List<SseEvent>();
        await foreach (var sse in SseReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(body)), CancellationToken.None))
        {
            list.Add(sse);
        }

        return list;
    }
}
