using Qoder.RealCli.Testing;

namespace Qoder.Conformance.Tests;

/// <summary>Real CLI 1.1.52, headless, with the model replaced by a <c>--fake-responses</c> file (no network, no login).</summary>
public sealed class RouteATarget : ConformanceTarget
{
    public override string Name => "real CLI, route A";

    public override async Task<QoderAgentOptions> CreateOptionsAsync(ConformanceRun run, ConformanceScript script, bool rejectCredentials = false)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(script);
        var fake = new FakeResponsesScript();
        foreach (var call in script.AllCalls)
        {
            if (call.ToolName is null)
            {
                fake.AddTextChunks(call.TextChunks);
            }
            else
            {
                fake.AddToolCall(call.ToolName, call.ToolInput!, call.LeadingText);
            }
        }

        var path = Path.Combine(run.Home, $"fake-responses-{Guid.NewGuid():N}.jsonl");
        fake.WriteTo(path);
        var options = BaseOptions(run);
        options.CliPath = await RealCliInstall.GetCliPathAsync();
        options.Auth = QoderAuth.Headless();

        // Headless has no token to reject; without external auth and without a login, the CLI has no credentials at all.
        options.Settings = rejectCredentials ? null : FakeResponsesScript.UseExternalAuthSettingsJson;
        options.ExtraArgs["fake-responses"] = path;

        // Without it the CLI replays each line as one block; with it, chunks arrive as deltas (partial messages).
        options.Environment[FakeResponsesScript.StreamDelayVariable] = "0";
        return options;
    }
}
