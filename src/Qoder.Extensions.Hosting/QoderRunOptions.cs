using Qoder.AgentSdk;

namespace Qoder.Extensions.Hosting;

/// <summary>What one run changes from its agent's options (see <see cref="QoderSessionOptions"/> for which of them start a dedicated process).</summary>
public sealed class QoderRunOptions
{
    /// <summary>Gets or sets the model, switched after the lease.</summary>
    public string? Model { get; set; }

    /// <summary>Gets or sets the permission mode, switched after the lease.</summary>
    public QoderPermissionMode? PermissionMode { get; set; }

    /// <summary>Gets or sets the working directory.</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>Gets or sets the tools.</summary>
    public IList<string>? Tools { get; set; }

    /// <summary>Gets or sets the most model calls.</summary>
    public int? MaxTurns { get; set; }

    /// <summary>Gets or sets the system prompt.</summary>
    public string? SystemPrompt { get; set; }

    /// <summary>Gets or sets text appended to the system prompt.</summary>
    public string? AppendSystemPrompt { get; set; }

    /// <summary>Gets or sets a value indicating whether token deltas are streamed.</summary>
    public bool? IncludePartialMessages { get; set; }

    internal QoderSessionOptions ToSessionOptions() => new()
    {
        Model = Model,
        PermissionMode = PermissionMode,
        WorkingDirectory = WorkingDirectory,
        Tools = Tools,
        MaxTurns = MaxTurns,
        SystemPrompt = SystemPrompt,
        AppendSystemPrompt = AppendSystemPrompt,
        IncludePartialMessages = IncludePartialMessages,
    };
}
