using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Qoder.RealCli.Testing.Tests;

/// <summary>
/// The real qodercli as a child process speaking raw JSON lines; no SDK in between. Dispose kills
/// the whole tree, because the CLI lingers about 8.6 s after stdin EOF.
/// </summary>
internal sealed class CliProcess : IAsyncDisposable
{

    /// <summary>Guard against a hung CLI; not a speed expectation (a start takes 5–11 s here).</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(90);

    private const int StderrTailLength = 8192;

    private readonly Process _process;
    private readonly Stopwatch _clock;
    private readonly Channel<ReceivedLine> _lines = Channel.CreateUnbounded<ReceivedLine>();
    private readonly ConcurrentQueue<ReceivedLine> _received = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _stdoutPump;

    private CliProcess(Process process, Stopwatch clock)
    {
        _process = process;
        _clock = clock;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_stderr)
            {
                _stderr.Append(e.Data).Append('\n');
                if (_stderr.Length > StderrTailLength)
                {
                    _stderr.Remove(0, _stderr.Length - StderrTailLength);
                }
            }
        };
        _process.BeginErrorReadLine();
        _stdoutPump = Task.Run(PumpStdoutAsync);
    }

    /// <summary>QODER_CLI_PATH when set; otherwise the pinned CLI, installed with npm into the cache on first use.</summary>
    public static string CliPath =>
        Environment.GetEnvironmentVariable("QODER_CLI_PATH") is { Length: > 0 } configured
            ? configured
            : Qoder.AgentSdk.Transport.QoderCliInstaller.EnsureInstalledAsync().GetAwaiter().GetResult();

    /// <summary>Every stdout line so far, with the time since spawn.</summary>
    public IReadOnlyCollection<ReceivedLine> Received => _received;

    public string StderrTail
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the CLI. The environment is the host's minus every <c>QODER_*</c> variable and
    /// <c>NODE_OPTIONS</c>, plus <paramref name="environment"/>.
    /// </summary>
    public static CliProcess Start(IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var cli = CliPath;
        var startInfo = new ProcessStartInfo
        {
            FileName = cli.EndsWith(".js", StringComparison.Ordinal) ? "node" : cli,
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (cli.EndsWith(".js", StringComparison.Ordinal))
        {
            startInfo.ArgumentList.Add(cli);
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var name in startInfo.Environment.Keys.ToList())
        {
            if (name.StartsWith("QODER_", StringComparison.Ordinal) || name == "NODE_OPTIONS")
            {
                startInfo.Environment.Remove(name);
            }
        }

        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("The CLI process did not start.");
        return new CliProcess(process, clock);
    }

    public async Task SendAsync(JsonObject message)
    {
        await _process.StandardInput.WriteAsync(message.ToJsonString() + "\n").ConfigureAwait(false);
        await _process.StandardInput.FlushAsync().ConfigureAwait(false);
    }

    public void CloseStdin() => _process.StandardInput.Close();

    /// <summary>Reads lines until one matches; fails with the transcript if stdout ends or the guard expires first.</summary>
    public async Task<ReceivedLine> WaitForAsync(Func<JsonObject, bool> predicate, string description)
    {
        using var timeout = new CancellationTokenSource(StepTimeout);
        try
        {
            while (await _lines.Reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false))
            {
                while (_lines.Reader.TryRead(out var line))
                {
                    if (line.Message is not null && predicate(line.Message))
                    {
                        return line;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"No '{description}' line within {StepTimeout}.\n{Diagnostics()}");
        }

        throw new InvalidOperationException($"stdout ended before a '{description}' line.\n{Diagnostics()}");
    }

    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(StepTimeout);
        await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        await _stdoutPump.ConfigureAwait(false);
        return _process.ExitCode;
    }

    public string Diagnostics()
    {
        var builder = new StringBuilder("stdout:\n");
        foreach (var line in _received)
        {
            builder.Append(line.Elapsed.TotalMilliseconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture))
                .Append(" ms ")
                .Append(line.Text.Length > 400 ? line.Text[..400] : line.Text)
                .Append('\n');
        }

        return builder.Append("stderr tail:\n").Append(StderrTail).ToString();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync().ConfigureAwait(false);
            await _stdoutPump.ConfigureAwait(false);
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task PumpStdoutAsync()
    {
        try
        {
            while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } text)
            {
                JsonObject? message = null;
                try
                {
                    message = JsonNode.Parse(text) as JsonObject;
                }
                catch (JsonException)
                {
                    // Kept as raw text in the transcript; the CLI's stdout should be pure JSON lines.
                }

                var line = new ReceivedLine(_clock.Elapsed, text, message);
                _received.Enqueue(line);
                _lines.Writer.TryWrite(line);
            }
        }
        finally
        {
            _lines.Writer.TryComplete();
        }
    }
}
