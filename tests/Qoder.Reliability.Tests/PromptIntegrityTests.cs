using Qoder.AgentSdk;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Testing;

namespace Qoder.Reliability.Tests;

/// <summary>A prompt reaches the CLI exactly as written, or not at all.</summary>
public sealed class PromptIntegrityTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("qoder-prompt-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task A_lone_surrogate_is_rejected_before_anything_is_written_and_the_client_stays_usable()
    {
        var launch = StandInLaunch.Prepare(QoderScenario.Create().Reply("fine"), _work);
        await using var client = new QoderClient(StandInOptions.For(launch, _work, QoderAuth.Headless()));
        await client.ConnectAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync("a\uD800b"));
        Assert.Contains("lone UTF-16 surrogate (U+D800) at index 1", error.Message, StringComparison.Ordinal);

        await client.SendAsync("emoji \U0001F600 ok");
        var messages = await client.ReceiveResponseAsync().ToListAsync();
        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        var sent = Assert.Single(launch.ReadRecording().FramesOfType("user"));
        Assert.Equal("emoji \U0001F600 ok", sent.GetProperty("message").GetProperty("content")[0].GetProperty("text").GetString());
    }
}
