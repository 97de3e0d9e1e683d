namespace Qoder.AgentSdk.Sessions;

/// <summary>Where <see cref="QoderSessionImport.ImportToStoreAsync"/> finds a local transcript and how it writes it.</summary>
public sealed class QoderSessionImportOptions
{
    /// <summary>Gets or sets the session's working directory; <see langword="null"/> searches every project folder.</summary>
    public string? Directory { get; set; }

    /// <summary>Gets or sets the CLI's configuration directory; <see langword="null"/> uses <see cref="QoderSessionCatalog.DefaultConfigDirectory"/>.</summary>
    public string? ConfigDirectory { get; set; }

    /// <summary>Gets or sets a value indicating whether the subagent transcripts (and their metadata sidecars) are copied too.</summary>
    public bool IncludeSubagents { get; set; } = true;

    /// <summary>Gets or sets the most entries per append (500 by default); a batch also ends once it holds 1 MiB of lines.</summary>
    public int BatchSize { get; set; } = QoderSessionImport.DefaultBatchSize;
}
