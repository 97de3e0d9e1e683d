using System.Text.Json;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Tools;

namespace Qoder.AgentSdk.Tests.Tools;

/// <summary><see cref="QoderBashBackgroundLaunchResult.TryRead"/> makes the checks of the official <c>isBashToolBackgroundLaunchResult</c>.</summary>
public sealed class BashBackgroundLaunchResultTests
{
    private const string Launch = """{"kind":"backgrounded","pid":4242,"taskId":"bash_1","command":"npm run dev","initialOutput":"ready","outputFile":"/tmp/o.log","backgroundReason":"timeout","totalLines":3,"totalBytes":120}""";

    [Fact]
    public void A_background_launch_is_read_with_every_field()
    {
        Assert.True(QoderBashBackgroundLaunchResult.TryRead(Parse(Launch), out var launch));
        Assert.Equal(4242, launch.Pid);
        Assert.Equal("bash_1", launch.TaskId);
        Assert.Equal("timeout", launch.BackgroundReason);
        Assert.Equal(120, launch.TotalBytes);
        Assert.Null(launch.Stdout);
    }

    [Theory]
    [InlineData("""{"stdout":"hi","stderr":"","interrupted":false}""")]
    [InlineData("""{"kind":"backgrounded","pid":0,"taskId":"t","command":"c","initialOutput":""}""")]
    [InlineData("""{"kind":"backgrounded","pid":1.5,"taskId":"t","command":"c","initialOutput":""}""")]
    [InlineData("""{"kind":"backgrounded","pid":1,"taskId":"t","command":"c"}""")]
    [InlineData("""{"kind":"backgrounded","pid":1,"taskId":"t","command":"c","initialOutput":"","backgroundReason":"bored"}""")]
    [InlineData("""{"kind":"backgrounded","pid":1,"taskId":"t","command":"c","initialOutput":"","totalLines":-1}""")]
    [InlineData("""{"kind":"backgrounded","pid":1,"taskId":"t","command":"c","initialOutput":"","outputFile":7}""")]
    [InlineData("""["backgrounded"]""")]
    public void Anything_else_is_not_a_background_launch(string json) =>
        Assert.False(QoderBashBackgroundLaunchResult.TryRead(Parse(json), out _));

    [Fact]
    public void A_user_message_carrying_the_launch_exposes_it()
    {
        var message = new UserMessage { ToolUseResult = Parse(Launch) };

        Assert.True(message.TryGetBashBackgroundLaunch(out var launch));
        Assert.Equal("npm run dev", launch.Command);
        Assert.False(new UserMessage().TryGetBashBackgroundLaunch(out _));
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
