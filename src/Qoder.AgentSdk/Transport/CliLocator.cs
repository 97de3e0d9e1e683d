using Microsoft.Extensions.Logging;

namespace Qoder.AgentSdk.Transport;

/// <summary>
/// Finds the CLI: the explicit path, <c>QODER_CLI_PATH</c>, <c>QODERCLI_PATH</c>, PATH, the cache, the CLI's own
/// installer folder; then installs it if allowed. A path someone configured must exist: a missing one is reported with
/// its source, rather than surfacing as a strange exit code from node or setsid.
/// </summary>
internal static class CliLocator
{
    private static readonly string[] PathVariables = ["QODER_CLI_PATH", "QODERCLI_PATH"];

    public static async Task<CliCommand> LocateAsync(QoderAgentOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(options.CliPath))
        {
            return Command(Configured("QoderAgentOptions.CliPath", options.CliPath, "Fix the path or unset it to let the client find or install qodercli."), options);
        }

        var searched = new List<string>();
        foreach (var variable in PathVariables)
        {
            var fromEnv = System.Environment.GetEnvironmentVariable(variable);
            searched.Add($"${variable}");
            if (!string.IsNullOrWhiteSpace(fromEnv))
            {
                return Command(Configured($"${variable}", fromEnv, $"Fix the variable or unset it (QoderAgentOptions.Environment does not affect it: it is read from the host's environment)."), options);
            }
        }

        var executableName = OperatingSystem.IsWindows() ? "qodercli.exe" : "qodercli";
        searched.Add($"{executableName} on PATH");
        if (QoderCliInstaller.FindOnPath(executableName) is { } onPath)
        {
            return Command(onPath, options);
        }

        var cached = QoderCliInstaller.GetCliPath(options.CliCacheDirectory);
        searched.Add(cached);
        if (File.Exists(cached))
        {
            return Command(cached, options);
        }

        var home = System.Environment.GetEnvironmentVariable("QODER_CLI_HOME")
            ?? System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
        var local = Path.Combine(home, ".qoder", "local", executableName);
        searched.Add(local);
        if (File.Exists(local))
        {
            return Command(local, options);
        }

        if (!options.AutoInstallCli)
        {
            throw new QoderCliNotFoundException(
                $"qodercli was not found (looked at: {string.Join(", ", searched)}). Install it with 'npm install -g {QoderCliDefaults.NpmPackage}@{QoderCliDefaults.PinnedVersion}', set QoderAgentOptions.CliPath or QODER_CLI_PATH, or enable QoderAgentOptions.AutoInstallCli.",
                searched);
        }

        // The installer checks that the entry script exists after npm ran, and throws naming the cache folder otherwise.
        var installed = await QoderCliInstaller.EnsureInstalledAsync(options.CliCacheDirectory, logger, cancellationToken).ConfigureAwait(false);
        return Command(installed, options);
    }

    /// <summary>Resolves a configured path: a bare name on PATH, anything else against the working directory; it must exist.</summary>
    private static string Configured(string source, string path, string fix)
    {
        var isBareName = path.IndexOfAny([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]) < 0;
        var resolved = isBareName ? QoderCliInstaller.FindOnPath(path) : Path.GetFullPath(path);
        if (resolved is not null && File.Exists(resolved))
        {
            return resolved;
        }

        var shown = resolved ?? $"{path} (not on PATH)";
        throw new QoderCliNotFoundException($"{source} points to {shown}, which does not exist. {fix}", [resolved ?? path]);
    }

    private static CliCommand Command(string cliPath, QoderAgentOptions options) => CliCommand.For(cliPath, options.Executable, options.ExecutableArgs);
}
