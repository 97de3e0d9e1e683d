namespace Qoder.AgentSdk.Memory;

/// <summary>
/// The CLI's memory for one client (<see cref="QoderAgentOptions.Memory"/>), sent in <c>initialize.memory</c>: which scopes
/// apply, how memory is generated after turns and which files are injected. Leave the option unset for no SDK memory.
/// </summary>
public sealed class QoderMemoryOptions
{
    /// <summary>Gets or sets the mode; <see cref="QoderMemoryMode.Native"/> accepts only the scopes and the result callbacks.</summary>
    public QoderMemoryMode Mode { get; set; }

    /// <summary>Gets or sets a value indicating whether the CLI's project scope applies; <see langword="null"/> means yes.</summary>
    public bool? ProjectScope { get; set; }

    /// <summary>Gets or sets a value indicating whether the CLI's user scope applies; <see langword="null"/> means yes.</summary>
    public bool? UserScope { get; set; }

    /// <summary>Gets or sets the generation settings; <see langword="null"/> keeps the CLI's.</summary>
    public QoderMemoryGenerationOptions? Generation { get; set; }

    /// <summary>Gets or sets the consumption settings; <see langword="null"/> keeps the CLI's.</summary>
    public QoderMemoryConsumptionOptions? Consumption { get; set; }

    internal QoderMemoryOptions Clone() => new()
    {
        Mode = Mode,
        ProjectScope = ProjectScope,
        UserScope = UserScope,
        Generation = Generation?.Clone(),
        Consumption = Consumption?.Clone(),
    };
}
