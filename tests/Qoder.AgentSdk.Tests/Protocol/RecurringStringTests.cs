using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk.Tests.Protocol;

public sealed class RecurringStringTests
{
    [Fact]
    public void A_session_id_seen_before_is_the_same_string_and_other_values_read_exactly()
    {
        var a = QoderMessageSerializer.Parse(Line("u1", "5f0c1c4e-aaaa"));
        var b = QoderMessageSerializer.Parse(Line("u2", "5f0c1c4e-aaaa"));
        var other = QoderMessageSerializer.Parse(Line("u3", "5f0c1c4e-bbbb"));
        var escaped = QoderMessageSerializer.Parse(Line("u4", "5f0c1c4e-\\u0061aaa"));

        Assert.Same(a.SessionId, b.SessionId);
        Assert.Same(a.Type, b.Type);
        Assert.Equal("5f0c1c4e-aaaa", b.SessionId);
        Assert.Equal("5f0c1c4e-bbbb", other.SessionId);
        Assert.Equal("5f0c1c4e-aaaa", escaped.SessionId);
        Assert.Equal("stream_event", other.Type);
        Assert.NotEqual(a.Uuid, b.Uuid);
    }

    private static string Line(string uuid, string sessionId) =>
        "{\"type\":\"stream_event\",\"uuid\":\"" + uuid + "\",\"session_id\":\"" + sessionId + "\",\"event\":{\"type\":\"message_stop\"}}";
}
