using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Testing.Internal.Session;

/// <summary>Queued work: a user message (<see cref="Message"/>) or a control request that runs between turns (<see cref="Request"/>).</summary>
internal sealed record WorkItem(JsonObject? Message, string? Uuid, string? RequestId, JsonObject? Request);
