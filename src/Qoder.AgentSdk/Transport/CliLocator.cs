using Microsoft.Extensions.Logging;

namespace Qoder.AgentSdk.Transport;

/// <summary>Finds the CLI: the explicit path, QODER_CLI_PATH, PATH, the cache, the CLI's own installer folder; then installs it if allowed.</summary>
internal static class CliLocator
{
    public static async Task<CliCommand> LocateAsync(QoderAgentOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(options.CliPath))
        {
            if (!File.Exists(options.CliPath) && Path.IsPathRooted(options.CliPath))
            {
                throw new QoderCliNotFoundException(
                    $"QoderAgentOptions.CliPath points to {options.CliPath}, which does not exist. Fix the path or unset it to let the client find or install qodercli.",
                    [options.CliPath]);
            }

            return CliCommand.For(options.CliPath, options.Executable, options.ExecutableArgs);
        }

        var searched = new List<string>();
        foreach (var variable in new[] { "QODER_CLI_PATH", "QODERCLI_PATH" })
        {
            var fromEnv = System.Environment.GetEnvironmentVariable(variable);
            searched.Add($"${variable}");
            if (!string.IsNullOrWhiteSpace(fromEnv))
            {
                return CliCommand.For(fromEnv, options.Executable, options.ExecutableArgs);
            }
        }

        var executableName = OperatingSystem.IsWindows() ? "qodercli.exe" : "qodercli";
        searched.Add($"{executableName} on PATH");
        if (QoderCliInstaller.FindOnPath(executableName) is { } onPath)
        {
            return CliCommand.For(onPath, options.Executable, options.ExecutableArgs);
        }

        var cached = QoderCliInstaller.GetCliPath(options.CliCacheDirectory);
        searched.Add(cached);
        if (File.Exists(cached))
        {
            return CliCommand.For(cached, options.Executable, options.ExecutableArgs);
        }

        var home = System.Environment.GetEnvironmentVariable("QODER_CLI_HOME")
            ?? System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
        var local = Path.Combine(home, ".qoder", "local", executableName);
        searched.Add(local);
        if (File.Exists(local))
        {
            return CliCommand.For(local, options.Executable, options.ExecutableArgs);
        }

        if (!options.AutoInstallCli)
        {
            throw new QoderCliNotFoundException(
                $"qodercli was not found (looked at: {string.Join(", ", searched)}). Install it with 'npm install -g {QoderCliDefaults.NpmPackage}@{QoderCliDefaults.PinnedVersion}', set QoderAgentOptions.CliPath or QODER_CLI_PATH, or enable QoderAgentOptions.AutoInstallCli.",
                searched);
        }

        var installed = await QoderCliInstaller.EnsureInstalledAsync(options.CliCacheDirectory, logger, cancellationToken).ConfigureAwait(false);
        return CliCommand.For(installed, options.Executable, options.ExecutableArgs);
    }
}
