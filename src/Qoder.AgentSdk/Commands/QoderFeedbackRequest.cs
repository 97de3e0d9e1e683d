namespace Qoder.AgentSdk.Commands;

/// <summary>Feedback to submit with <see cref="QoderFeedback.SubmitAsync"/>.</summary>
public sealed record QoderFeedbackRequest
{
    /// <summary>Gets the feedback text (required).</summary>
    public required string Content { get; init; }

    /// <summary>Gets the session the feedback is about.</summary>
    public string? SessionId { get; init; }

    /// <summary>Gets the directory the feedback arose in.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Gets further diagnostic paths to include.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Gets screenshot paths (the CLI takes up to 5).</summary>
    public IReadOnlyList<string> ImagePaths { get; init; } = [];

    /// <summary>Gets a contact email.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the calling application's version (the CLI uses its own when empty).</summary>
    public string? CallerVersion { get; init; }

    /// <summary>Gets the storage directory the CLI keeps its login in (<c>--storage-dir</c>), to match a client's.</summary>
    public string? StorageDirectory { get; init; }

    /// <summary>Gets the integration reported with the feedback: <c>qoder_work</c>, <c>quest</c> or another IDE type.</summary>
    public string? IntegrationMode { get; init; }
}
