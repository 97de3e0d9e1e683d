using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Testing.Internal.Control;

/// <summary>The host's answer to a control request the stand-in sent.</summary>
internal readonly record struct ControlAnswer(bool IsError, string? Error, JsonObject? Body)
{
    public static ControlAnswer Success(JsonObject? body) => new(false, null, body);

    public static ControlAnswer Failure(string error) => new(true, error, null);
}
