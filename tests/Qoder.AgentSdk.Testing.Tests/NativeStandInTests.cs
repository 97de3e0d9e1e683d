using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Testing.Tests;

public sealed class NativeStandInTests
{
    [Fact]
    public void StandInLaunch_picks_the_native_stand_in_on_linux_x64_with_gcc()
    {
        var work = Directory.CreateTempSubdirectory("standin-native-").FullName;
        try
        {
            var launch = StandInLaunch.Prepare(QoderScenario.Create(), work);
            var expected = OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64 && File.Exists("/usr/bin/gcc");
            Assert.Equal(expected, launch.IsNative);
            Assert.Equal(expected ? StandInLaunch.NativeFileName : "Qoder.AgentSdk.Testing.dll", Path.GetFileName(launch.CliPath));
            if (expected && OperatingSystem.IsLinux())
            {
                Assert.True(File.GetUnixFileMode(launch.CliPath).HasFlag(UnixFileMode.UserExecute));
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task The_native_stand_in_and_the_assembly_play_a_tool_turn_alike()
    {
        var scenario = QoderScenario.Create().Turn(t => t
            .Text("Reading.")
            .ToolUse("Read", new JsonObject { ["file_path"] = "notes.txt" }, result: "1\tnotes")
            .Text("Done."));
        var native = await PlayAsync(scenario, assembly: false);
        var managed = await PlayAsync(scenario, assembly: true);

        Assert.Equal(managed, native);
        Assert.Contains("result/success: Done.", native);
    }

    [Fact]
    public async Task A_pid_placeholder_in_the_record_path_gives_each_process_its_own_record()
    {
        var records = Directory.CreateTempSubdirectory("standin-records-").FullName;
        try
        {
            var environment = new Dictionary<string, string?>
            {
                [StandInLaunch.RecordVariable] = Path.Combine(records, "record-" + StandInLaunch.ProcessIdPlaceholder + ".jsonl"),
            };
            await using var first = StandInProcess.Start(QoderScenario.Create(), environment: environment);
            await using var second = StandInProcess.Start(QoderScenario.Create(), environment: environment);
            foreach (var cli in new[] { first, second })
            {
                await cli.InitializeAsync();
                await cli.WaitForResponseAsync("init-1");
                Assert.Equal(cli.Pid, StandInRecording.Load(Path.Combine(records, $"record-{cli.Pid}.jsonl")).ProcessId);
            }

            Assert.Equal(2, Directory.GetFiles(records).Length);
        }
        finally
        {
            Directory.Delete(records, recursive: true);
        }
    }

    // The turn as a sequence of message kinds, with the texts and tool names that identify each.
    private static async Task<List<string>> PlayAsync(QoderScenario scenario, bool assembly)
    {
        await using var cli = StandInProcess.Start(scenario, ["--permission-mode", "bypassPermissions"], assembly: assembly);
        await cli.InitializeAsync();
        await cli.WaitForResponseAsync("init-1");
        await cli.SendUserAsync("read the notes", "u-1");
        await cli.WaitForTypeAsync("result");
        return [.. cli.Seen.Select(Describe)];
    }

    private static string Describe(JsonObject message)
    {
        var kind = $"{(string?)message["type"]}/{(string?)message["subtype"] ?? (string?)message["response"]?["subtype"]}";
        var blocks = message["message"]?["content"] as JsonArray;
        var detail = (string?)message["result"]
            ?? string.Join(",", blocks?.Select(b => (string?)b?["text"] ?? (string?)b?["name"] ?? (string?)b?["type"]) ?? []);
        return $"{kind}: {detail}";
    }
}
