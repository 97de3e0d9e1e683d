namespace Qoder.AgentSdk.Commands;

/// <summary>How a one-shot CLI command (<see cref="QoderPlugins"/>, <see cref="QoderFeedback"/>) starts the CLI.</summary>
public sealed class QoderCliCommandOptions
{
    /// <summary>Gets or sets the CLI to run; found as <see cref="QoderAgentOptions.CliPath"/> is when <see langword="null"/>.</summary>
    public string? CliPath { get; set; }

    /// <summary>Gets or sets the program that runs a script <see cref="CliPath"/> (<c>node</c> by default).</summary>
    public string? Executable { get; set; }

    /// <summary>Gets or sets the directory the command runs in (it decides the project and local plugin scopes); the current one by default.</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>Gets the variables added to the host's environment for the command; a <see langword="null"/> value removes one.</summary>
    public IDictionary<string, string?> Environment { get; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    /// <summary>Gets or sets how long the command may run; <see langword="null"/> for the official SDK's limit (30 s for plugins, 60 s for feedback).</summary>
    public TimeSpan? Timeout { get; set; }
}
