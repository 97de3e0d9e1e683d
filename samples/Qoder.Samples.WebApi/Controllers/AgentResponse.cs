namespace Qoder.Samples.WebApi.Controllers;

/// <summary>The outcome of a run.</summary>
/// <param name="Text">The agent's text.</param>
/// <param name="SessionId">The CLI session id.</param>
/// <param name="Subtype">The result subtype (<c>success</c>, <c>error_max_turns</c>, …).</param>
/// <param name="DeniedTools">The tool calls the permission policy denied, by tool name.</param>
public sealed record AgentResponse(string Text, string? SessionId, string Subtype, IReadOnlyList<string> DeniedTools);
