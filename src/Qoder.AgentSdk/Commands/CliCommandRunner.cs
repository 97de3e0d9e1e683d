using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Qoder.AgentSdk.Transport;

namespace Qoder.AgentSdk.Commands;

/// <summary>Runs the CLI once with arguments, stdin closed, and collects its output; past the time limit the process tree is killed.</summary>
internal static class CliCommandRunner
{
    public static async Task<CliCommandOutput> RunAsync(
        IReadOnlyList<string> arguments, QoderCliCommandOptions? options, TimeSpan defaultTimeout, CancellationToken cancellationToken)
    {
        var locate = new QoderAgentOptions { CliPath = options?.CliPath, Executable = options?.Executable };
        var command = await CliLocator.LocateAsync(locate, NullLogger.Instance, cancellationToken).ConfigureAwait(false);
        var startInfo = new ProcessStartInfo(command.FileName)
        {
            WorkingDirectory = options?.WorkingDirectory ?? Directory.GetCurrentDirectory(),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.PrefixArguments.Concat(arguments))
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in options?.Environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        using var process = Process.Start(startInfo)
            ?? throw new QoderCliNotFoundException($"The Qoder CLI could not be started: {command.FileName}.", [command.CliPath]);
        process.StandardInput.Close();
        var timeout = options?.Timeout ?? defaultTimeout;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
        var stderr = process.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            return new CliCommandOutput(await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false), process.ExitCode);
        }
        catch (OperationCanceledException) when (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new QoderCliCommandException("timeout", $"qodercli {arguments[0]} did not finish within {timeout.TotalSeconds:0.#} s and was stopped; raise QoderCliCommandOptions.Timeout if the machine is slow.");
        }
    }
}
