using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Tools;

/// <summary>The input of the Grep tool. Read it with <c>request.InputAs&lt;QoderGrepInput&gt;()</c>; fields the CLI adds later are kept in <see cref="QoderToolInput.ExtensionData"/>.</summary>
public sealed record QoderGrepInput : QoderToolInput
{
    /// <summary>The tool's name.</summary>
    public const string ToolName = "Grep";

    /// <summary>Gets the regular expression.</summary>
    [JsonPropertyName("pattern")]
    public required string Pattern { get; init; }

    /// <summary>Gets the file or folder to search.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; init; }

    /// <summary>Gets a glob that filters the files.</summary>
    [JsonPropertyName("glob")]
    public string? Glob { get; init; }

    /// <summary>Gets a file type that filters the files, such as <c>cs</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Gets <c>content</c>, <c>files_with_matches</c> or <c>count</c>.</summary>
    [JsonPropertyName("output_mode")]
    public string? OutputMode { get; init; }

    /// <summary>Gets the most results.</summary>
    [JsonPropertyName("head_limit")]
    public int? HeadLimit { get; init; }

    /// <summary>Gets the results to skip.</summary>
    [JsonPropertyName("offset")]
    public int? Offset { get; init; }

    /// <summary>Gets lines of context around each match.</summary>
    [JsonPropertyName("context")]
    public int? Context { get; init; }

    /// <summary>Gets lines after each match.</summary>
    [JsonPropertyName("-A")]
    public int? After { get; init; }

    /// <summary>Gets lines before each match.</summary>
    [JsonPropertyName("-B")]
    public int? Before { get; init; }

    /// <summary>Gets lines before and after each match.</summary>
    [JsonPropertyName("-C")]
    public int? Around { get; init; }

    /// <summary>Gets whether case is ignored.</summary>
    [JsonPropertyName("-i")]
    public bool? IgnoreCase { get; init; }

    /// <summary>Gets whether line numbers are shown.</summary>
    [JsonPropertyName("-n")]
    public bool? LineNumbers { get; init; }

    /// <summary>Gets whether patterns may span lines.</summary>
    [JsonPropertyName("multiline")]
    public bool? Multiline { get; init; }
}
