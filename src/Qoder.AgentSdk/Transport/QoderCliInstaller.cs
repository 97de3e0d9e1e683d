using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Qoder.AgentSdk.Transport;

/// <summary>Installs the pinned <c>@qoder-ai/qodercli</c> from npm into a cache folder.</summary>
public static class QoderCliInstaller
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    /// <summary>Gets the default cache folder: <c>$QODER_CLI_CACHE</c>, else a per-user cache folder.</summary>
    public static string DefaultCacheDirectory
    {
        get
        {
            var fromEnv = System.Environment.GetEnvironmentVariable("QODER_CLI_CACHE");
            if (!string.IsNullOrWhiteSpace(fromEnv))
            {
                return fromEnv;
            }

            var xdg = System.Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var root = !string.IsNullOrWhiteSpace(xdg)
                ? xdg
                : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(root, "qoder-dotnet");
        }
    }

    /// <summary>Gets the CLI entry script inside a cache folder for the pinned version.</summary>
    /// <param name="cacheDirectory">The cache folder, or <see langword="null"/> for <see cref="DefaultCacheDirectory"/>.</param>
    /// <returns>The path of <c>bundle/qodercli.js</c> (which may not exist yet).</returns>
    public static string GetCliPath(string? cacheDirectory = null) =>
        Path.Combine(GetInstallDirectory(cacheDirectory), "node_modules", "@qoder-ai", "qodercli", "bundle", "qodercli.js");

    /// <summary>Installs the pinned CLI with npm unless it is already there.</summary>
    /// <param name="cacheDirectory">The cache folder, or <see langword="null"/> for <see cref="DefaultCacheDirectory"/>.</param>
    /// <param name="logger">Receives what the installer does.</param>
    /// <param name="cancellationToken">Cancels the install.</param>
    /// <returns>The path of the CLI entry script.</returns>
    /// <exception cref="QoderCliNotFoundException">npm is missing or the install failed.</exception>
    public static async Task<string> EnsureInstalledAsync(string? cacheDirectory = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        logger ??= NullLogger.Instance;
        var cliPath = GetCliPath(cacheDirectory);
        if (File.Exists(cliPath))
        {
            return cliPath;
        }

        await InstallLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (File.Exists(cliPath))
            {
                return cliPath;
            }

            var installDirectory = GetInstallDirectory(cacheDirectory);
            Directory.CreateDirectory(installDirectory);
            var package = $"{QoderCliDefaults.NpmPackage}@{QoderCliDefaults.PinnedVersion}";
            SdkLog.InstallingCli(logger, package, installDirectory);
            var npm = FindOnPath(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
                ?? throw new QoderCliNotFoundException(
                    $"qodercli was not found and npm is not installed to fetch it. Either install Node.js with npm (then {package} is installed automatically into {installDirectory}), or install the CLI yourself (npm install -g {package}) and set QoderAgentOptions.CliPath or QODER_CLI_PATH.",
                    [installDirectory, "npm on PATH"]);

            var startInfo = new ProcessStartInfo(npm)
            {
                WorkingDirectory = installDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "install", "--no-audit", "--no-fund", "--no-save", "--prefix", installDirectory, package })
            {
                startInfo.ArgumentList.Add(argument);
            }

            using var process = Process.Start(startInfo)
                ?? throw new QoderCliNotFoundException($"npm could not be started to install {package}.", [npm]);
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var errorText = await stderr.ConfigureAwait(false);
            _ = await stdout.ConfigureAwait(false);
            if (process.ExitCode != 0 || !File.Exists(cliPath))
            {
                throw new QoderCliNotFoundException(
                    $"npm install {package} failed with exit code {process.ExitCode}: {Tail(errorText)}. Install the CLI yourself and set QoderAgentOptions.CliPath or QODER_CLI_PATH.",
                    [installDirectory]);
            }

            SdkLog.InstalledCli(logger, package, cliPath);
            return cliPath;
        }
        finally
        {
            InstallLock.Release();
        }
    }

    internal static string? FindOnPath(string name)
    {
        var path = System.Environment.GetEnvironmentVariable("PATH");
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string GetInstallDirectory(string? cacheDirectory) =>
        Path.Combine(cacheDirectory ?? DefaultCacheDirectory, $"qodercli-{QoderCliDefaults.PinnedVersion}");

    private static string Tail(string text) => text.Length <= 2000 ? text.Trim() : text[^2000..].Trim();
}
