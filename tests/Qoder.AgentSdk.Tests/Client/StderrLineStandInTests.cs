using System.Collections.Concurrent;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Testing;

namespace Qoder.AgentSdk.Tests.Client;

public sealed class StderrLineStandInTests : StandInTestClass
{
    [Fact]
    public async Task StderrLine_receives_each_line_the_CLI_writes_once_and_whole()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t.Stderr("first line\nsecond ").Stderr("line\r\nthird\n").Text("Done.")));
        var lines = new ConcurrentQueue<string>();
        var chunks = new ConcurrentQueue<string>();
        options.StderrLine = lines.Enqueue;
        options.Stderr = chunks.Enqueue;

        await using (var client = new QoderClient(options))
        {
            await client.ConnectAsync().WaitAsync(StandInHarness.HangGuard);
            var messages = await StandInHarness.TurnAsync(client, "talk");
            Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        }

        var ours = lines.Where(l => l is "first line" or "second line" or "third").ToList();
        Assert.Equal(["first line", "second line", "third"], ours);
        Assert.DoesNotContain(lines, l => l.Contains('\n', StringComparison.Ordinal) || l.EndsWith('\r'));
        Assert.Contains("first line\nsecond ", string.Concat(chunks), StringComparison.Ordinal);
    }
}
