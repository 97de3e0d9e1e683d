namespace Qoder.Extensions.Hosting;

/// <summary>What one turn of a conversation sets.</summary>
public sealed class QoderTurnOptions
{
    /// <summary>
    /// Gets or sets the prompt's message uuid. The CLI runs a uuid once per session, so a caller that resends a turn after
    /// a failure with the same uuid never runs it twice (the resend fails with <see cref="QoderDuplicateMessageException"/>
    /// when the first delivery was recorded). A new uuid is used when unset.
    /// </summary>
    public string? MessageUuid { get; set; }
}
