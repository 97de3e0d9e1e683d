namespace Qoder.Samples.WebApi.Controllers;

/// <summary>A new conversation.</summary>
/// <param name="Id">The conversation id (the CLI's session id).</param>
public sealed record ConversationStarted(string Id);
