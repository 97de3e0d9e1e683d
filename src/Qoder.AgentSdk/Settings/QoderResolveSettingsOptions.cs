namespace Qoder.AgentSdk.Settings;

/// <summary>Where <see cref="QoderSettingsResolver.ResolveAsync"/> looks for the CLI's settings files.</summary>
public sealed class QoderResolveSettingsOptions
{
    /// <summary>Gets or sets the project directory (its <c>.qoder</c> folder holds the project and local files); the current directory by default.</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>Gets or sets the sources to read, of <c>user</c>, <c>project</c> and <c>local</c>; <see langword="null"/> for all, empty for none.</summary>
    public IList<string>? SettingSources { get; set; }

    /// <summary>
    /// Gets or sets the variables to read instead of the process's (<c>QODER_CONFIG_DIR</c>, <c>QODER_CONFIG_DIR_NAME</c>,
    /// <c>QODER_CLI_HOME</c>, <c>GEMINI_CLI_HOME</c>), such as the environment a client gives its CLI; <see langword="null"/> for the process's.
    /// </summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; set; }
}
