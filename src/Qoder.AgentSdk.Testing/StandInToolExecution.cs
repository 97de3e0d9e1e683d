using System.Text.Json;

namespace Qoder.AgentSdk.Testing;

/// <summary>A tool the stand-in "ran", with the input it ran with (after hooks and the host's <c>updatedInput</c>).</summary>
/// <param name="Name">The tool name.</param>
/// <param name="ToolUseId">The tool_use id.</param>
/// <param name="Input">The effective input.</param>
public sealed record StandInToolExecution(string Name, string ToolUseId, JsonElement Input);
