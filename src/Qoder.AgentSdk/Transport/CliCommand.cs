namespace Qoder.AgentSdk.Transport;

/// <summary>The program to start and the arguments that come before the CLI's own.</summary>
/// <param name="FileName">The executable.</param>
/// <param name="PrefixArguments">Arguments before the CLI arguments (for example the script path under node).</param>
/// <param name="CliPath">The CLI path that was resolved.</param>
internal sealed record CliCommand(string FileName, IReadOnlyList<string> PrefixArguments, string CliPath)
{
    /// <summary>Turns a CLI path into a command: scripts run under node (or the given runner), a .dll under dotnet.</summary>
    public static CliCommand For(string cliPath, string? executable, IList<string> executableArgs)
    {
        var extension = Path.GetExtension(cliPath).ToLowerInvariant();
        var runner = extension switch
        {
            ".js" or ".mjs" or ".ts" or ".tsx" or ".jsx" => executable ?? "node",
            ".dll" => executable ?? "dotnet",
            _ => null,
        };
        return runner is null
            ? new CliCommand(cliPath, [], cliPath)
            : new CliCommand(runner, [.. executableArgs, cliPath], cliPath);
    }
}
