using System.Text.Json.Nodes;

namespace Qoder.RealCli.Testing;

/// <summary>A function call inside a scripted turn; <see cref="Arguments"/> is a JSON object.</summary>
internal sealed record ScriptedToolCall(string Id, string Name, JsonNode Arguments);
