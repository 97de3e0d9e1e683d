using System.Text.Json;

namespace Qoder.AgentSdk.Elicitation;

/// <summary>An MCP server asks the user for input through the CLI (<c>elicitation</c>): a form, or a URL to open.</summary>
public sealed class QoderElicitationRequest
{
    /// <summary>Gets the MCP server that asks.</summary>
    public required string ServerName { get; init; }

    /// <summary>Gets the message to show the user.</summary>
    public required string Message { get; init; }

    /// <summary>Gets the mode: <c>form</c> or <c>url</c>, when the server said.</summary>
    public string? Mode { get; init; }

    /// <summary>Gets the URL to open, in <c>url</c> mode.</summary>
    public string? Url { get; init; }

    /// <summary>Gets the elicitation id.</summary>
    public string? ElicitationId { get; init; }

    /// <summary>Gets the JSON schema of the requested form content.</summary>
    public JsonElement? RequestedSchema { get; init; }

    /// <summary>Gets the title.</summary>
    public string? Title { get; init; }

    /// <summary>Gets the server's display name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Gets a longer description.</summary>
    public string? Description { get; init; }
}
