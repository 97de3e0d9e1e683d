using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Qoder.AgentSdk.Testing.Tests;

/// <summary>Runs the stand-in as a real child process (native, or <c>dotnet &lt;dll&gt;</c>) speaking raw JSON lines.</summary>
internal sealed class StandInProcess : IAsyncDisposable
{
    public static readonly string[] StreamJsonArgs = ["--print", "--output-format", "stream-json", "--input-format", "stream-json"];
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _stderr = new();
    private readonly Task _stdoutPump;
    private readonly Task _stderrPump;
    private long _stderrBytes;

    private StandInProcess(Process process, StandInLaunch launch, string workDirectory)
    {
        _process = process;
        Launch = launch;
        WorkDirectory = workDirectory;
        Pid = process.Id;
        _stdoutPump = Task.Run(PumpStdoutAsync);
        _stderrPump = Task.Run(PumpStderrAsync);
    }

    public StandInLaunch Launch { get; }

    public string WorkDirectory { get; }

    public int Pid { get; }

    public List<JsonObject> Seen { get; } = [];

    public long StderrBytes => Interlocked.Read(ref _stderrBytes);

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

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

        var process = Process.Start(info) ?? throw new InvalidOperationException("the stand-in did not start");
        return new StandInProcess(process, launch, work);
    }

    public StandInRecording Recording => Launch.ReadRecording();

    public async Task SendAsync(string line)
    {
        await _process.StandardInput.WriteAsync(line + "\n");
        await _process.StandardInput.FlushAsync();
    }

    public Task SendAsync(JsonObject frame) => SendAsync(frame.ToJsonString());

    public Task InitializeAsync(string requestId = "init-1", JsonObject? extra = null)
    {
        var request = new JsonObject { ["subtype"] = "initialize" };
        foreach (var (key, value) in extra ?? [])
        {
            request[key] = value?.DeepClone();
        }

        return SendAsync(new JsonObject { ["type"] = "control_request", ["request_id"] = requestId, ["request"] = request });
    }

    public Task SendUserAsync(string text, string uuid, string? priority = null)
    {
        var frame = new JsonObject
        {
            ["type"] = "user",
            ["message"] = new JsonObject { ["role"] = "user", ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }) },
            ["parent_tool_use_id"] = null,
            ["uuid"] = uuid,
        };
        if (priority is not null)
        {
            frame["priority"] = priority;
        }

        return SendAsync(frame);
    }

    public Task ControlAsync(string requestId, JsonObject request) =>
        SendAsync(new JsonObject { ["type"] = "control_request", ["request_id"] = requestId, ["request"] = request });

    public Task RespondAsync(string requestId, JsonObject? body) =>
        SendAsync(new JsonObject
        {
            ["type"] = "control_response",
            ["response"] = new JsonObject { ["subtype"] = "success", ["request_id"] = requestId, ["response"] = body },
        });

    public Task RespondErrorAsync(string requestId, string error) =>
        SendAsync(new JsonObject
        {
            ["type"] = "control_response",
            ["response"] = new JsonObject { ["subtype"] = "error", ["request_id"] = requestId, ["error"] = error },
        });

    public void CloseStdin() => _process.StandardInput.Close();

    /// <summary>Next stdout line (raw).</summary>
    public async Task<string?> NextLineAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            return await _lines.Reader.ReadAsync(cts.Token);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    /// <summary>Reads JSON messages until one matches; every message read is kept in <see cref="Seen"/>.</summary>
    public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> predicate, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            string line;
            try
            {
                line = await _lines.Reader.ReadAsync(cts.Token);
            }
            catch (ChannelClosedException)
            {
                throw new InvalidOperationException("stdout ended. stderr: " + Stderr);
            }

            var message = JsonNode.Parse(line)!.AsObject();
            Seen.Add(message);
            if (predicate(message))
            {
                return message;
            }
        }
    }

    public Task<JsonObject> WaitForTypeAsync(string type, string? subtype = null) =>
        WaitForAsync(m => Is(m, type, subtype));

    public Task<JsonObject> WaitForControlRequestAsync(string subtype) =>
        WaitForAsync(m => Is(m, "control_request") && (string?)m["request"]?["subtype"] == subtype);

    public Task<JsonObject> WaitForResponseAsync(string requestId) =>
        WaitForAsync(m => Is(m, "control_response") && (string?)m["response"]?["request_id"] == requestId);

    /// <summary>Answers every control request with <paramref name="answer"/> until the turn's result; returns the requests in order.</summary>
    public async Task<List<JsonObject>> AnswerUntilResultAsync(Func<JsonNode, JsonObject> answer)
    {
        var requests = new List<JsonObject>();
        while (true)
        {
            var message = await WaitForAsync(m => Is(m, "control_request") || Is(m, "result"));
            if (Is(message, "result"))
            {
                return requests;
            }

            requests.Add(message);
            await RespondAsync((string)message["request_id"]!, answer(message["request"]!));
        }
    }

    public static bool Is(JsonObject message, string type, string? subtype = null) =>
        (string?)message["type"] == type && (subtype is null || (string?)message["subtype"] == subtype);

    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        await _process.WaitForExitAsync(cts.Token);

        // Exit can be observed before the pumps have read the last bytes of stdout and stderr; a grandchild
        // that inherited the pipes may keep them open, so the drain is bounded.
        await Task.WhenAny(Task.WhenAll(_stdoutPump, _stderrPump), Task.Delay(TimeSpan.FromSeconds(5), cts.Token));
        return _process.ExitCode;
    }

    /// <summary>Collects the remaining stdout lines until the stream ends.</summary>
    public async Task<List<string>> ReadToEndAsync(TimeSpan? timeout = null)
    {
        var lines = new List<string>();
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        await foreach (var line in _lines.Reader.ReadAllAsync(cts.Token))
        {
            lines.Add(line);
        }

        return lines;
    }

    public async ValueTask DisposeAsync()
    {
        var grandchildren = Recording.GrandchildProcessIds;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
        }
        finally
        {
            foreach (var pid in grandchildren)
            {
                ProcessAssert.KillIfAlive(pid);
            }

            _process.Dispose();
        }

        await Task.WhenAny(Task.WhenAll(_stdoutPump, _stderrPump), Task.Delay(TimeSpan.FromSeconds(5)));
        ProcessAssert.Gone(Pid);
        foreach (var pid in grandchildren)
        {
            ProcessAssert.Gone(pid);
        }

        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task PumpStdoutAsync()
    {
        try
        {
            while (await _process.StandardOutput.ReadLineAsync() is { } line)
            {
                await _lines.Writer.WriteAsync(line);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
        }
        finally
        {
            _lines.Writer.TryComplete();
        }
    }

    private async Task PumpStderrAsync()
    {
        var buffer = new char[16 * 1024];
        try
        {
            int read;
            while ((read = await _process.StandardError.ReadAsync(buffer)) > 0)
            {
                Interlocked.Add(ref _stderrBytes, read);
                lock (_stderr)
                {
                    if (_stderr.Length < 64 * 1024)
                    {
                        _stderr.Append(buffer, 0, read);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }
}
