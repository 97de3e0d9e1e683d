using System.ComponentModel.DataAnnotations;

namespace Qoder.Samples.WebApi.Controllers;

/// <summary>A message to a conversation.</summary>
/// <param name="Prompt">The prompt.</param>
/// <param name="MessageUuid">A uuid the client chose, so that resending the message after a failure never runs it twice.</param>
public sealed record ConversationMessage([Required] string Prompt, string? MessageUuid = null);
