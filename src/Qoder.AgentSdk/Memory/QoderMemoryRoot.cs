namespace Qoder.AgentSdk.Memory;

/// <summary>A directory the main agent and the background memory agent keep memory in.</summary>
public sealed class QoderMemoryRoot
{
    /// <summary>Gets or sets the caller's stable identifier, used in prompts and in generation results.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Gets or sets the directory, on the machine that runs the CLI.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>Gets or sets the access; <see langword="null"/> leaves the CLI's default (read and write).</summary>
    public QoderMemoryRootAccess? Access { get; set; }

    /// <summary>Gets or sets the index file, relative to the root; <see langword="null"/> when every file is content.</summary>
    public string? IndexFile { get; set; }

    internal QoderMemoryRoot Clone() => new() { Id = Id, Path = Path, Access = Access, IndexFile = IndexFile };
}
