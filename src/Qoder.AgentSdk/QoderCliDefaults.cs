namespace Qoder.AgentSdk;

/// <summary>Facts about the CLI this client was built and tested against.</summary>
public static class QoderCliDefaults
{
    /// <summary>The npm package of the CLI.</summary>
    public const string NpmPackage = "@qoder-ai/qodercli";

    /// <summary>The CLI version this client installs when none is found, and is tested against.</summary>
    public const string PinnedVersion = "1.1.52";

    /// <summary>The wire protocol version the client speaks.</summary>
    public const string ProtocolVersion = "1.4.0";

    /// <summary>The value of <c>QODER_AGENT_SDK_VERSION</c> this client announces.</summary>
    public const string SdkVersion = "0.1.0";

    /// <summary>The value of <c>QODER_AGENT_SDK_ENTRYPOINT</c> this client announces.</summary>
    public const string SdkEntrypoint = "sdk-dotnet";

    /// <summary>The longest line, in UTF-8 bytes without the newline, accepted in either direction.</summary>
    public const int MaxLineBytes = 16 * 1024 * 1024;

    /// <summary>The smallest <see cref="QoderAgentOptions.MaxLineBytes"/> accepted: the CLI's own frames are larger.</summary>
    public const int MinimumMaxLineBytes = 1024;

    /// <summary>
    /// The tools the official SDK enables when the caller names none (<c>--tools</c> is always sent).
    /// </summary>
    public static IReadOnlyList<string> DefaultTools { get; } =
    [
        "Agent", "AskUserQuestion", "Bash", "Edit", "Glob", "Grep", "ImageGen", "ImageSearch", "NotebookEdit", "Read", "Skill",
        "TaskCreate", "TaskGet", "TaskUpdate", "TaskList", "UpdateGoal", "WebFetch", "WebSearch", "Write",
    ];
}
