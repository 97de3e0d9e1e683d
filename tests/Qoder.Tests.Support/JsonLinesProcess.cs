using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Qoder.Tests.Support;

/// <summary>One stdout line of a child; <see cref="Message"/> is null when the line was not a JSON object.</summary>
public sealed record ReceivedLine(TimeSpan Elapsed, string Text, JsonObject? Message);

/// <summary>
/// A child process speaking raw JSON lines (the stand-in or the real CLI), with no SDK in between: write frames to its
/// stdin, wait for stdout lines that match, read stderr. Dispose kills the whole tree.
/// </summary>
public class JsonLinesProcess : IAsyncDisposable
{
    /// <summary>The three flags every stream-json launch starts with.</summary>
    public static readonly IReadOnlyList<string> StreamJsonArgs = ["--print", "--output-format", "stream-json", "--input-format", "stream-json"];

    private const int StderrKept = 64 * 1024;

    private readonly Process _process;
    private readonly Stopwatch _clock;
    private readonly Channel<ReceivedLine> _lines = Channel.CreateUnbounded<ReceivedLine>();
    private readonly ConcurrentQueue<ReceivedLine> _received = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _stdoutPump;
    private readonly Task _stderrPump;
    private long _stderrChars;

    /// <summary>Starts the process with all three streams redirected (UTF-8, no shell).</summary>
    /// <param name="startInfo">What to run; the redirections are set here.</param>
    /// <param name="stepTimeout">The hang guard of each wait.</param>
    protected JsonLinesProcess(ProcessStartInfo startInfo, TimeSpan stepTimeout)
    {
        ArgumentNullException.ThrowIfNull(startInfo);
        startInfo.RedirectStandardInput = true;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.UseShellExecute = false;
        startInfo.StandardOutputEncoding = Encoding.UTF8;
        startInfo.StandardErrorEncoding = Encoding.UTF8;
        StepTimeout = stepTimeout;
        _clock = Stopwatch.StartNew();
        _process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{startInfo.FileName} did not start.");
        Pid = _process.Id;
        _stdoutPump = Task.Run(PumpStdoutAsync);
        _stderrPump = Task.Run(PumpStderrAsync);
    }

    /// <summary>The hang guard of each wait; not a speed expectation.</summary>
    public TimeSpan StepTimeout { get; }

    public int Pid { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Every stdout line so far, consumed or not, with the time since spawn.</summary>
    public IReadOnlyCollection<ReceivedLine> Received => _received;

    /// <summary>The JSON messages the waits have read so far, in order.</summary>
    public List<JsonObject> Seen { get; } = [];

    /// <summary>How many characters of stderr arrived.</summary>
    public long StderrBytes => Interlocked.Read(ref _stderrChars);

    /// <summary>The start of stderr (the first 64 KiB).</summary>
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

    public async Task SendAsync(string line)
    {
        await _process.StandardInput.WriteAsync(line + "\n").ConfigureAwait(false);
        await _process.StandardInput.FlushAsync().ConfigureAwait(false);
    }

    public Task SendAsync(JsonObject frame) => SendAsync(frame.ToJsonString());

    public void CloseStdin() => _process.StandardInput.Close();

    /// <summary>The next stdout line (raw), or null once stdout has ended; throws when the guard expires first.</summary>
    public async Task<string?> NextLineAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? StepTimeout);
        try
        {
            return (await _lines.Reader.ReadAsync(cts.Token).ConfigureAwait(false)).Text;
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads lines until a JSON message matches (each one read is kept in <see cref="Seen"/>); fails with the transcript
    /// if stdout ends or the guard expires first.
    /// </summary>
    public async Task<ReceivedLine> WaitForLineAsync(Func<JsonObject, bool> predicate, string? description = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var bound = timeout ?? StepTimeout;
        using var cts = new CancellationTokenSource(bound);
        try
        {
            while (await _lines.Reader.WaitToReadAsync(cts.Token).ConfigureAwait(false))
            {
                while (_lines.Reader.TryRead(out var line))
                {
                    if (line.Message is not { } message)
                    {
                        continue;
                    }

                    Seen.Add(message);
                    if (predicate(message))
                    {
                        return line;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"No {description ?? "matching"} line within {bound}.\n{Diagnostics()}");
        }

        throw new InvalidOperationException($"stdout ended before a {description ?? "matching"} line.\n{Diagnostics()}");
    }

    /// <inheritdoc cref="WaitForLineAsync"/>
    public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> predicate, string? description = null, TimeSpan? timeout = null) =>
        (await WaitForLineAsync(predicate, description, timeout).ConfigureAwait(false)).Message!;

    public Task<JsonObject> WaitForTypeAsync(string type, string? subtype = null) =>
        WaitForAsync(m => Frames.Is(m, type, subtype), subtype is null ? type : $"{type}/{subtype}");

    public Task<JsonObject> WaitForControlRequestAsync(string subtype) =>
        WaitForAsync(m => Frames.IsControlRequest(m, subtype), $"control_request {subtype}");

    public Task<JsonObject> WaitForResponseAsync(string requestId) =>
        WaitForAsync(m => Frames.IsControlResponseFor(m, requestId), $"control_response {requestId}");

    public Task ControlAsync(string requestId, JsonObject request) => SendAsync(Frames.ControlRequest(requestId, request));

    public Task RespondAsync(string requestId, JsonObject? body) => SendAsync(Frames.Success(requestId, body));

    public Task RespondErrorAsync(string requestId, string error) => SendAsync(Frames.Error(requestId, error));

    /// <summary>Answers every control request with <paramref name="answer"/> until the turn's result; returns the requests in order.</summary>
    public async Task<List<JsonObject>> AnswerUntilResultAsync(Func<JsonNode, JsonObject> answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var requests = new List<JsonObject>();
        while (true)
        {
            var message = await WaitForAsync(m => Frames.Is(m, "control_request") || Frames.Is(m, "result"), "control_request or result").ConfigureAwait(false);
            if (Frames.Is(message, "result"))
            {
                return requests;
            }

            requests.Add(message);
            await RespondAsync((string)message["request_id"]!, answer(message["request"]!)).ConfigureAwait(false);
        }
    }

    /// <summary>The remaining stdout lines until the stream ends.</summary>
    public async Task<List<string>> ReadToEndAsync(TimeSpan? timeout = null)
    {
        var lines = new List<string>();
        using var cts = new CancellationTokenSource(timeout ?? StepTimeout);
        await foreach (var line in _lines.Reader.ReadAllAsync(cts.Token).ConfigureAwait(false))
        {
            lines.Add(line.Text);
        }

        return lines;
    }

    /// <summary>Waits for the exit, then (bounded: a grandchild may hold the pipes) for the last output; returns the code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? StepTimeout);
        await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        await DrainAsync().ConfigureAwait(false);
        return _process.ExitCode;
    }

    /// <summary>The stdout lines so far with their times, and the start of stderr, for a failure message.</summary>
    public string Diagnostics()
    {
        var builder = new StringBuilder("stdout:\n");
        foreach (var line in _received)
        {
            builder.Append(line.Elapsed.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture))
                .Append(" ms ")
                .Append(line.Text.Length > 400 ? line.Text[..400] : line.Text)
                .Append('\n');
        }

        return builder.Append("stderr:\n").Append(Stderr).ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Kills the tree and waits for it; derived harnesses add their own checks after calling this.</summary>
    protected virtual async ValueTask DisposeAsyncCore()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
        finally
        {
            _process.Dispose();
        }

        await DrainAsync().ConfigureAwait(false);
    }

    private async Task DrainAsync() => await Task.WhenAny(Task.WhenAll(_stdoutPump, _stderrPump), Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);

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
                    // Kept as raw text; only JSON objects are offered to the waits.
                }

                var line = new ReceivedLine(_clock.Elapsed, text, message);
                _received.Enqueue(line);
                _lines.Writer.TryWrite(line);
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
            while ((read = await _process.StandardError.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                Interlocked.Add(ref _stderrChars, read);
                lock (_stderr)
                {
                    if (_stderr.Length < StderrKept)
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
