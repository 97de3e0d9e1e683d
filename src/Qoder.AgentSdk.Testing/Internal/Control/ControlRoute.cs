using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Testing.Internal.Control;

/// <summary>
/// How one inbound control request subtype is handled: <see cref="Immediate"/> ones are answered by the stdin reader as
/// they arrive, even mid-turn; the others wait in the work queue behind the user messages before them.
/// </summary>
internal sealed record ControlRoute(bool Immediate, Func<string, JsonObject, Task> Handle)
{
    public static ControlRoute OnArrival(Func<string, JsonObject, Task> handle) => new(true, handle);

    public static ControlRoute BetweenTurns(Func<string, JsonObject, Task> handle) => new(false, handle);
}
