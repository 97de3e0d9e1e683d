using System.IO.Pipelines;
using Qoder.AgentSdk.Transport;

namespace Qoder.AgentSdk.Tests.Transport;

public sealed class ZeroByteWaitStreamTests
{
    [Fact]
    public async Task A_zero_byte_read_waits_for_data_and_no_byte_is_lost_or_repeated()
    {
        var pipe = new Pipe();
        await using var stream = new ZeroByteWaitStream(pipe.Reader.AsStream());
        var waiting = stream.ReadAsync(Memory<byte>.Empty).AsTask();
        Assert.False(waiting.IsCompleted);

        await pipe.Writer.WriteAsync("abc"u8.ToArray());
        Assert.Equal(0, await waiting);
        var buffer = new byte[16];
        var first = await stream.ReadAsync(buffer);
        var rest = await stream.ReadAsync(buffer.AsMemory(first));
        Assert.Equal("abc", System.Text.Encoding.ASCII.GetString(buffer, 0, first + rest));

        await pipe.Writer.CompleteAsync();
        Assert.Equal(0, await stream.ReadAsync(Memory<byte>.Empty));
        Assert.Equal(0, await stream.ReadAsync(buffer));
    }
}
