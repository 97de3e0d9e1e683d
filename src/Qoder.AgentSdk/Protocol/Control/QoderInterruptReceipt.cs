using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The CLI's receipt for an interrupt (<c>interrupt_receipt_v1</c>).</summary>
public sealed record QoderInterruptReceipt
{
    /// <summary>Gets the uuids of queued messages that survive the interrupt and will still run.</summary>
    [JsonPropertyName("still_queued")]
    public IReadOnlyList<string> StillQueued { get; init; } = [];

    /// <summary>Gets the uuids cancelled because the interrupt asked to cancel the queue; <see langword="null"/> when it did not ask.</summary>
    [JsonPropertyName("cancelled")]
    public IReadOnlyList<string>? Cancelled { get; init; }
}
