using Qoder.AgentSdk.Testing;

namespace Qoder.Conformance.Tests;

/// <summary>The scripted stand-in, launched in SDK mode with a fake PAT like a production host.</summary>
public sealed class StandInTarget : ConformanceTarget
{
    public const string FakePat = "pt-fake-conformance-standin";

    public override string Name => "stand-in";

    public override Task<QoderAgentOptions> CreateOptionsAsync(ConformanceRun run, ConformanceScript script, bool rejectCredentials = false)
    {
        ArgumentNullException.ThrowIfNull(script);
        var scenario = ToScenario(script);
        if (rejectCredentials)
        {
            scenario.FailAuthentication("access_token_invalid");
        }

        var launch = StandInLaunch.Prepare(scenario, run.Work);
        var options = BaseOptions(run);
        options.CliPath = launch.CliPath;
        options.Auth = QoderAuth.AccessToken(FakePat);
        foreach (var (name, value) in launch.Environment)
        {
            options.Environment[name] = value;
        }

        return Task.FromResult(options);
    }

    public static QoderScenario ToScenario(ConformanceScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var scenario = QoderScenario.Create();
        foreach (var turn in script.Turns)
        {
            scenario.Turn(builder =>
            {
                var previousWasText = false;
                foreach (var call in turn.Calls)
                {
                    // Each scripted call is one model message; the stand-in starts a new one after a tool_use by
                    // itself, but merges a block that follows plain text unless told.
                    if (previousWasText)
                    {
                        builder.NewMessage();
                    }

                    previousWasText = call.ToolName is null;
                    if (call.ToolName is null)
                    {
                        builder.Text(call.Text, call.TextChunks.Count > 1 ? [.. call.TextChunks] : []);
                        continue;
                    }

                    if (call.LeadingText is not null)
                    {
                        builder.Text(call.LeadingText);
                    }

                    builder.ToolUse(call.ToolName, call.ToolInput!);
                }
            });
        }

        return scenario;
    }
}
