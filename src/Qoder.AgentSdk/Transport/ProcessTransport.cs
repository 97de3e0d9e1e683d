using System.Buffers;
using System.ComponentModel;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Text;
using Microsoft.Extensions.Logging;
using Qoder.AgentSdk.Internal;

namespace Qoder.AgentSdk.Transport;

/// <summary>
/// Runs the CLI as a child process with three pipes and no shell. On Linux the child leads its own process group
/// (started through <c>setsid</c>, which execs in place), so killing the group also reaches grandchildren such as tool
/// processes, even those the CLI has orphaned, and an <see cref="OrphanWatchdog"/> kills that group if the host dies
/// before it could.
/// </summary>
internal sealed class ProcessTransport : IQoderTransport
{
    private const string SetsidPath = "/usr/bin/setsid";

    // One pipe's worth (Linux pipes hold 64 KB): a busy CLI's output is taken in few reads.
    private const int ReadBufferBytes = 64 * 1024;

    // stderr carries diagnostics only: small chunks, rented per read.
    private const int StderrChunkBytes = 4096;

    private static readonly TimeSpan StderrDrainBound = TimeSpan.FromMilliseconds(500);

    private readonly Process _process;
    private readonly ILogger _logger;
    private readonly int _maxLineBytes;
    private readonly TimeSpan _shutdownGrace;
    private readonly TimeSpan _killGrace;
    private readonly StderrTail _stderr = new();
    private readonly bool _ownGroup;
    private readonly OrphanWatchdog? _watchdog;
    private readonly Task _stderrPump;
    private readonly Stream _stdin;
    private readonly Stream _stdout;
    private readonly Lock _stdinLock = new();
    private bool _inputEnded;
    private int _disposed;
    private volatile bool _released;

    private ProcessTransport(DetachedChild child, bool ownGroup, OrphanWatchdog? watchdog, QoderAgentOptions options, ILogger logger)
    {
        _process = child.Process;
        _ownGroup = ownGroup;
        _watchdog = watchdog;
        _logger = logger;
        _maxLineBytes = options.MaxLineBytes;
        _shutdownGrace = options.ShutdownGracePeriod;
        _killGrace = options.KillGracePeriod;
        _stdin = child.Input!;
        _stdout = new ZeroByteWaitStream(child.Output!);
        ProcessId = _process.Id;
        _stderrPump = PumpStderrAsync(new ZeroByteWaitStream(child.Error!), options.Stderr, options.StderrLine);
        Exited = WaitForExitCodeAsync();
    }

    public int? ProcessId { get; }

    public string StderrTail => _stderr.ToString();

    public Task<int> Exited { get; }

    /// <summary>Starts the process.</summary>
    /// <exception cref="QoderCliNotFoundException">The executable does not exist.</exception>
    /// <exception cref="QoderProcessExitedException">The process could not be started.</exception>
    public static ProcessTransport Start(
        CliCommand command,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string?> environment,
        string workingDirectory,
        QoderAgentOptions options,
        ILogger logger)
    {
        var ownGroup = OperatingSystem.IsLinux() && File.Exists(SetsidPath);
        var startInfo = new ProcessStartInfo(ownGroup ? SetsidPath : command.FileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
            CreateNoWindow = true,
        };
        if (ownGroup)
        {
            startInfo.ArgumentList.Add(command.FileName);
        }

        foreach (var argument in command.PrefixArguments.Concat(arguments))
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            if (value is not null)
            {
                startInfo.Environment[name] = value;
            }
        }

        SdkLog.Starting(logger, command.FileName, startInfo.ArgumentList.Count, workingDirectory);
        var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new QoderCliNotFoundException(
                $"The Qoder CLI could not be started: {command.FileName} ({ex.Message}). Check QoderAgentOptions.CliPath / Executable, QODER_CLI_PATH, or that node is on PATH for a script CLI.",
                [command.CliPath],
                ex);
        }

        SdkLog.Started(logger, process.Id);
        var watchdog = ownGroup ? OrphanWatchdog.TryStart(SetsidPath, process.Id) : null;
        return new ProcessTransport(DetachedChild.From(process), ownGroup, watchdog, options, logger);
    }

    public Task ReadLinesAsync(IStdoutLineHandler handler, CancellationToken cancellationToken)
    {
        // Zero-byte reads: an idle session waits for stdout without a buffer; one is rented only once bytes are there,
        // and returned as soon as every line in it was handled, so nothing grown by a long line is kept.
        var reader = PipeReader.Create(
            _stdout,
            new StreamPipeReaderOptions(bufferSize: ReadBufferBytes, minimumReadSize: ReadBufferBytes / 4, leaveOpen: true, useZeroByteReads: true));
        return PipeLineReader.ReadAsync(reader, _maxLineBytes, handler, cancellationToken);
    }

    public async ValueTask WriteLineAsync(ReadOnlyMemory<byte> line, CancellationToken cancellationToken)
    {
        if (line.Length > _maxLineBytes)
        {
            throw new QoderProtocolException($"A frame of {line.Length} bytes exceeds the {_maxLineBytes}-byte line limit (QoderAgentOptions.MaxLineBytes); nothing was written.");
        }

        // One write per line: the CLI reads whole lines, and a lease's latency is dominated by this call.
        var framed = ArrayPool<byte>.Shared.Rent(line.Length + 1);
        try
        {
            line.Span.CopyTo(framed);
            framed[line.Length] = (byte)'\n';
            await _stdin.WriteAsync(framed.AsMemory(0, line.Length + 1), cancellationToken).ConfigureAwait(false);
            await _stdin.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            throw new QoderProcessExitedException(
                $"The Qoder CLI is no longer reading its input{(Exited.ValueOrNull() is { } code ? $" (it exited with code {code})" : string.Empty)}.",
                Exited.ValueOrNull(),
                StderrTail,
                ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(framed);
        }
    }

    public void EndInput()
    {
        lock (_stdinLock)
        {
            if (_inputEnded)
            {
                return;
            }

            _inputEnded = true;
        }

        try
        {
            _stdin.Dispose();
        }
        catch (IOException)
        {
            // The process is already gone; EOF is implied.
        }
    }

    public void Kill()
    {
        // Once released, the group was already killed at the end of the shutdown and its id may belong to someone else.
        if (_released)
        {
            return;
        }

        // The tree first: once the CLI is dead its detached tool processes are orphaned and can no longer be found. A CLI
        // already reaped is skipped, as its pid may be reused.
        if (!HasExited() && !ProcessTreeKill.TryKill(ProcessId!.Value))
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }
            catch (Win32Exception)
            {
                // Raced with the exit.
            }
        }

        if (_ownGroup)
        {
            NativeSignals.Send(-ProcessId!.Value, NativeSignals.SigKill);
        }
    }

    public async Task ShutdownAsync()
    {
        EndInput();
        if (!await ExitsWithinAsync(_shutdownGrace).ConfigureAwait(false))
        {
            SdkLog.Escalating(_logger, _process.Id, _shutdownGrace, "closing stdin");
            NativeSignals.Send(_ownGroup ? -_process.Id : _process.Id, NativeSignals.SigTerm);
            if (!await ExitsWithinAsync(_killGrace).ConfigureAwait(false))
            {
                SdkLog.Escalating(_logger, _process.Id, _killGrace, "SIGTERM");
                Kill();
            }
        }

        await Exited.ConfigureAwait(false);

        // The CLI is gone; anything left in its group (orphaned tool processes) goes with it.
        if (_ownGroup)
        {
            NativeSignals.Send(-_process.Id, NativeSignals.SigKill);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await ShutdownAsync().ConfigureAwait(false);

        // The group is dead: from here its id may be reused, so the watchdog must not kill it any more.
        if (_watchdog is not null)
        {
            await _watchdog.DisposeAsync().ConfigureAwait(false);
        }
        try
        {
            await _stderrPump.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A grandchild may still hold stderr open; the group kill above ends it, the pump is abandoned.
        }

        _released = true;
        _process.Dispose();
    }

    private bool HasExited()
    {
        try
        {
            return _process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private async Task<bool> ExitsWithinAsync(TimeSpan grace)
    {
        if (Exited.IsCompleted)
        {
            return true;
        }

        try
        {
            await Exited.WaitAsync(grace).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private async Task<int> WaitForExitCodeAsync()
    {
        await _process.WaitForExitAsync().ConfigureAwait(false);
        var code = _process.ExitCode;
        SdkLog.Exited(_logger, _process.Id, code);

        // Exit can be seen before the last stderr bytes are read, and exit errors quote that tail. A grandchild
        // holding the pipe open must not delay the exit for long.
        await Task.WhenAny(_stderrPump, Task.Delay(StderrDrainBound)).ConfigureAwait(false);
        return code;
    }

    private void InvokeStderrCallback(Action<string>? callback, string chunk)
    {
        if (callback is null)
        {
            return;
        }

        try
        {
            callback(chunk);
        }
        catch (Exception ex)
        {
            // A failing observer must not stop the draining of stderr, or the CLI would block on a full pipe.
            SdkLog.StderrCallbackFailed(_logger, ex);
        }
    }

    private async Task PumpStderrAsync(Stream stderr, Action<string>? callback, Action<string>? lineCallback)
    {
        var decoder = Encoding.UTF8.GetDecoder();
        var lines = lineCallback is null ? null : new StderrLineSplitter();
        try
        {
            // As for stdout: a quiet CLI's stderr is waited on without a buffer; one is rented per chunk.
            int read;
            do
            {
                await stderr.ReadAsync(Memory<byte>.Empty).ConfigureAwait(false);
                var bytes = ArrayPool<byte>.Shared.Rent(StderrChunkBytes);
                var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(StderrChunkBytes));
                try
                {
                    read = await stderr.ReadAsync(bytes.AsMemory(0, StderrChunkBytes)).ConfigureAwait(false);
                    var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: read == 0);
                    if (count > 0)
                    {
                        OnStderr(chars.AsSpan(0, count), callback, lineCallback, lines);
                    }
                }
                finally
                {
                    ArrayPool<char>.Shared.Return(chars);
                    ArrayPool<byte>.Shared.Return(bytes);
                }
            }
            while (read > 0);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The pipe closed with the process.
        }

        if (lines?.Flush() is { } last)
        {
            InvokeStderrCallback(lineCallback, last);
        }
    }

    private void OnStderr(ReadOnlySpan<char> chunk, Action<string>? callback, Action<string>? lineCallback, StderrLineSplitter? lines)
    {
        _stderr.Append(chunk);
        if (callback is not null)
        {
            InvokeStderrCallback(callback, new string(chunk));
        }

        foreach (var line in lines?.Push(chunk) ?? [])
        {
            InvokeStderrCallback(lineCallback, line);
        }
    }
}
