using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing;
using Qoder.AgentSdk.Transport;
using Qoder.RealCli.Testing;
using Qoder.Tests.Support;

namespace Qoder.Reliability.Tests;

/// <summary>
/// The host dies by SIGKILL while its CLI is busy: within 10 s nothing it started may be left, the CLI's tool processes
/// included — whether or not the CLI itself reacts to the end of its stdin.
/// </summary>
public sealed class HostKillTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly string _work = Directory.CreateTempSubdirectory("qoder-hostkill-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task A_stand_in_that_ignores_stdin_EOF_and_its_detached_grandchild_die_with_the_host()
    {
        var scenario = QoderScenario.Create().Turn(t => t.SpawnGrandchild(inheritStdio: false).Text("working").Hang());
        var standIn = StandInLaunch.Prepare(scenario, _work);
        var launch = new JsonObject { ["cliPath"] = standIn.CliPath, ["workingDirectory"] = _work, ["environment"] = ToJson(standIn.Environment) };

        await using var host = await ProbeHost.StartAsync(launch, TimeSpan.FromMinutes(1));
        var tree = ProcessTree.Of(host.CliProcessId);
        var grandchild = Assert.Single(standIn.ReadRecording().GrandchildProcessIds);
        Assert.Contains(grandchild, tree);

        await AssertTreeDiesWithHostAsync(host, tree);
    }

    [Fact]
    [Trait("Category", "RealCli")]
    public async Task The_real_cli_running_a_Bash_tool_dies_with_the_host_and_so_do_its_shell_and_sleep()
    {
        var cliPath = await QoderCliInstaller.EnsureInstalledAsync();
        var home = Directory.CreateDirectory(Path.Combine(_work, "home")).FullName;
        var script = Path.Combine(home, "fake-responses.jsonl");
        new FakeResponsesScript().AddToolCall("Bash", new { command = "sleep 300", description = "wait" }).AddText("done").WriteTo(script);
        var launch = new JsonObject
        {
            ["cliPath"] = cliPath,
            ["workingDirectory"] = _work,
            ["settings"] = FakeResponsesScript.UseExternalAuthSettingsJson,
            ["extraArgs"] = new JsonObject { ["fake-responses"] = script },
            ["environment"] = new JsonObject { ["HOME"] = home, ["QODER_PERSONAL_ACCESS_TOKEN"] = null },
            ["busyOnTool"] = "Bash",
        };

        await using var host = await ProbeHost.StartAsync(launch, TimeSpan.FromMinutes(2));
        var sleeping = await ProcessTree.WaitUntilAsync(
            () => ProcessTree.Of(host.CliProcessId).Any(pid => ProcessWatch.CommandLine(pid).StartsWith("sleep 300", StringComparison.Ordinal)),
            TimeSpan.FromMinutes(1));
        Assert.True(sleeping, "the Bash tool's sleep should be running under the CLI");

        await AssertTreeDiesWithHostAsync(host, ProcessTree.Of(host.CliProcessId));
    }

    private static async Task AssertTreeDiesWithHostAsync(ProbeHost host, IReadOnlyList<int> tree)
    {
        Assert.Contains(host.CliProcessId, tree);
        try
        {
            await host.KillHostAsync();
            var survivors = await ProcessTree.SurvivorsAfterAsync(tree, Bound);
            Assert.True(survivors.Count == 0, $"alive {Bound.TotalSeconds} s after the host was killed: {string.Join(", ", survivors.Select(p => $"{p} ({ProcessWatch.CommandLine(p)})"))}");
        }
        finally
        {
            ProcessWatch.Kill(tree);
        }
    }

    private static JsonObject ToJson(IReadOnlyDictionary<string, string> variables) =>
        new([.. variables.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)JsonValue.Create(v.Value)))]);
}
