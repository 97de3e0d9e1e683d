using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Qoder.AgentSdk.SessionStore.Redis.Tests;

/// <summary>
/// A private <c>redis-server</c> for tests: a free loopback port, no persistence, its own temp folder, stopped on dispose.
/// A missing binary is a failure that names the package, never a skip.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _dir = new("qoder-redis-");
    private Process? _process;

    private RedisServer()
    {
    }

    public int Port { get; private set; }

    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("The Redis server is not running.");

    /// <summary>A StackExchange.Redis configuration string; commands fail after one second when the server is unreachable.</summary>
    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=2000,asyncTimeout=1000,syncTimeout=1000,connectRetry=1";

    public static async Task<RedisServer> StartAsync()
    {
        var binary = FindBinary() ?? throw new InvalidOperationException(
            "redis-server is not on PATH. These tests run against a real Redis: install the Debian package redis-server " +
            "(apt-get update && apt-get install -y redis-server); .ci/run installs it when missing.");
        var server = new RedisServer();
        for (var attempt = 1; ; attempt++)
        {
            // The port is free when probed; another process may take it before Redis binds it, hence the retry.
            server.Port = FreeLoopbackPort();
            if (await server.TryStartAsync(binary).ConfigureAwait(false))
            {
                return server;
            }

            if (attempt == 3)
            {
                await server.DisposeAsync().ConfigureAwait(false);
                throw new InvalidOperationException($"redis-server did not start on a free loopback port after {attempt} attempts.");
            }
        }
    }

    /// <summary>Stops the server abruptly (SIGKILL), as a crash or a network loss would.</summary>
    public async Task KillAsync()
    {
        if (_process is { } process)
        {
            ProcessWatch.KillIfAlive(process.Id);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync().ConfigureAwait(false);
        _process?.Dispose();
        _dir.Dispose();
    }

    private async Task<bool> TryStartAsync(string binary)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _dir.Path,
        };
        foreach (var argument in new[]
                 {
                     "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                     "--save", string.Empty, "--appendonly", "no", "--dir", _dir.Path, "--daemonize", "no", "--loglevel", "notice",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var ready = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                ready.TrySetResult(false);
            }
            else if (e.Data.Contains("Ready to accept connections", StringComparison.Ordinal))
            {
                ready.TrySetResult(true);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var started = await ready.Task.WaitAsync(StartBound).ConfigureAwait(false);
        if (started)
        {
            _process = process;
            return true;
        }

        ProcessWatch.KillIfAlive(process.Id);
        await process.WaitForExitAsync().ConfigureAwait(false);
        process.Dispose();
        return false;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindBinary() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Append("/usr/sbin")
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists);
}
