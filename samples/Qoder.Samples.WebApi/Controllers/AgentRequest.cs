using System.ComponentModel.DataAnnotations;

namespace Qoder.Samples.WebApi.Controllers;

/// <summary>A prompt for an agent.</summary>
/// <param name="Prompt">The prompt.</param>
public sealed record AgentRequest([Required] string Prompt);
