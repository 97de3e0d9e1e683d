using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The answer to <c>add_directories</c>.</summary>
public sealed record QoderAddDirectoriesResult
{
    /// <summary>Gets the directories added.</summary>
    [JsonPropertyName("added")]
    public IReadOnlyList<string> Added { get; init; } = [];

    /// <summary>Gets the directories refused, with the reason.</summary>
    [JsonPropertyName("failed")]
    public IReadOnlyList<QoderDirectoryFailure> Failed { get; init; } = [];

    /// <summary>Gets every workspace directory now (the working directory first).</summary>
    [JsonPropertyName("directories")]
    public IReadOnlyList<string> Directories { get; init; } = [];
}
