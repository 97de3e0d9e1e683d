using Qoder.AgentSdk.Transport;

namespace Qoder.AgentSdk.Tests.Transport;

public sealed class StderrLineSplitterTests
{
    [Fact]
    public void Lines_split_across_chunks_come_out_whole_without_their_line_breaks()
    {
        var splitter = new StderrLineSplitter();

        Assert.Empty(splitter.Push("war"));
        Assert.Equal(["warning: one", "two"], splitter.Push("ning: one\r\ntwo\nthr"));
        Assert.Equal([string.Empty], splitter.Push("ee-less\n\n")[1..]);
        Assert.Null(splitter.Flush());
        Assert.Empty(splitter.Push("last"));
        Assert.Equal("last", splitter.Flush());
    }
}
