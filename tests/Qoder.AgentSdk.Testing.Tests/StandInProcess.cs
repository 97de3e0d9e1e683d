using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Testing.Tests;

/// <summary>
/// Runs the stand-in as a real child process (native, or <c>dotnet &lt;dll&gt;</c>) speaking raw JSON lines
/// (<see cref="JsonLinesProcess"/>); dispose also checks that the grandchildren it recorded are gone.
/// </summary>
internal sealed class StandInProcess : JsonLinesProcess
{
    private StandInProcess(System.Diagnostics.ProcessStartInfo info, StandInLaunch launch, string workDirectory)
        : base(info, TimeSpan.FromSeconds(15))
    {
        Launch = launch;
        WorkDirectory = workDirectory;
    }

    public StandInLaunch Launch { get; }

    public string WorkDirectory { get; }

    public StandInRecording Recording => Launch.ReadRecording();

    /// <summary>Starts the stand-in <see cref="StandInLaunch"/> picks, or with <paramref name="assembly"/> the assembly under dotnet.</summary>
    public static StandInProcess Start(QoderScenario scenario, IEnumerable<string>? extraArgs = null, IDictionary<string, string?>? environment = null, bool streamJsonArgs = true, bool assembly = false)
    {
        var work = Directory.CreateTempSubdirectory("standin-test-").FullName;
        var launch = StandInLaunch.Prepare(scenario, work);
        var arguments = (streamJsonArgs ? StreamJsonArgs : []).Concat(extraArgs ?? []);
        var replaceNative = assembly && launch.IsNative;
        var info = launch.CreateStartInfo(replaceNative ? arguments.Prepend(typeof(StandInLaunch).Assembly.Location) : arguments);
        if (replaceNative)
        {
            info.FileName = "dotnet";
        }

        info.WorkingDirectory = work;
        info.Environment.Remove("QODER_AGENT_SDK_ENTRYPOINT");
        info.Environment["HOME"] = work;
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[key] = value;
        }

        return new StandInProcess(info, launch, work);
    }

    public Task InitializeAsync(string requestId = "init-1", JsonObject? extra = null)
    {
        var request = new JsonObject { ["subtype"] = "initialize" };
        foreach (var (key, value) in extra ?? [])
        {
            request[key] = value?.DeepClone();
        }

        return ControlAsync(requestId, request);
    }

    public Task SendUserAsync(string text, string uuid, string? priority = null) => SendAsync(Frames.UserText(text, uuid, priority));

    public static bool Is(JsonObject message, string type, string? subtype = null) => Frames.Is(message, type, subtype);

    protected override async ValueTask DisposeAsyncCore()
    {
        var grandchildren = Recording.GrandchildProcessIds;
        try
        {
            await base.DisposeAsyncCore();
        }
        finally
        {
            ProcessWatch.Kill(grandchildren);
        }

        await ProcessWatch.GoneAsync([Pid, .. grandchildren]);
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
