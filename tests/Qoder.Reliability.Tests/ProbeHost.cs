using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Qoder.Reliability.Tests;

/// <summary>
/// A host process (<c>Qoder.Reliability.Probe</c>) running one CLI, to be killed with SIGKILL: what it leaves behind is
/// what a host killed by the OOM killer or a container runtime would leave.
/// </summary>
internal sealed class ProbeHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _launchFile;

    private ProbeHost(Process process, string launchFile)
    {
        _process = process;
        _launchFile = launchFile;
    }

    public int CliProcessId { get; private set; }

    public static async Task<ProbeHost> StartAsync(JsonObject launch, TimeSpan readyBound)
    {
        var launchFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(launchFile, launch.ToJsonString());
        var probe = Path.Combine(AppContext.BaseDirectory, "Qoder.Reliability.Probe.dll");
        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        startInfo.ArgumentList.Add(probe);
        startInfo.ArgumentList.Add(launchFile);
        var host = new ProbeHost(Process.Start(startInfo)!, launchFile);
        var stderr = host._process.StandardError.ReadToEndAsync();
        using var ready = new CancellationTokenSource(readyBound);
        try
        {
            while (await host._process.StandardOutput.ReadLineAsync(ready.Token) is { } line)
            {
                if (line.StartsWith("pid ", StringComparison.Ordinal))
                {
                    host.CliProcessId = int.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture);
                }
                else if (line == "busy")
                {
                    return host;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        host._process.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"The probe host did not report a busy CLI: {await stderr}");
    }

    /// <summary>Kills the host with SIGKILL: no finalizer, no shutdown hook, no disposal runs.</summary>
    public async Task KillHostAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        File.Delete(_launchFile);
    }
}
