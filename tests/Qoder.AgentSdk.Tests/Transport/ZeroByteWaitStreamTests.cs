using System.IO.Pipelines;
using System.IO.Pipes;
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

    [Fact]
    public async Task After_the_wait_one_read_returns_what_an_os_pipe_holds_and_never_blocks_for_more()
    {
        using var server = new AnonymousPipeServerStream(PipeDirection.Out);
        await using var stream = new ZeroByteWaitStream(new AnonymousPipeClientStream(PipeDirection.In, server.ClientSafePipeHandle));
        var buffer = new byte[4096];
        var chunk = new byte[3000];
        Array.Fill(chunk, (byte)'x');

        server.Write(chunk);
        Assert.Equal(0, await stream.ReadAsync(Memory<byte>.Empty));
        // Elsewhere than Linux the count is not asked for: the held byte comes alone.
        Assert.Equal(OperatingSystem.IsLinux() ? 3000 : 1, await stream.ReadAsync(buffer));

        // One byte in the pipe: the read after the wait returns it alone instead of waiting for more.
        server.Write("y"u8);
        Assert.Equal(0, await stream.ReadAsync(Memory<byte>.Empty));
        Assert.Equal(1, await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal((byte)'y', buffer[0]);
    }
}
