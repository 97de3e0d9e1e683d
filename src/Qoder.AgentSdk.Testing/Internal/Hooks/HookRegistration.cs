namespace Qoder.AgentSdk.Testing.Internal.Hooks;

/// <summary>One matcher entry of initialize's <c>hooks</c>: the host callbacks to call for events it matches.</summary>
internal sealed record HookRegistration(string? Matcher, List<string> CallbackIds, TimeSpan Timeout);
