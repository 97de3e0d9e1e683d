using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Elicitation;

/// <summary>The answer to an elicitation.</summary>
public sealed class QoderElicitationResult
{
    private QoderElicitationResult(QoderElicitationAction action, JsonObject? content)
    {
        Action = action;
        Content = content;
    }

    /// <summary>Gets the action.</summary>
    public QoderElicitationAction Action { get; }

    /// <summary>Gets the submitted content, for <see cref="QoderElicitationAction.Accept"/>.</summary>
    public JsonObject? Content { get; }

    /// <summary>Accepts, with the form content.</summary>
    /// <param name="content">The content, matching the requested schema; none for a URL elicitation.</param>
    /// <returns>The answer.</returns>
    public static QoderElicitationResult Accept(JsonObject? content = null) => new(QoderElicitationAction.Accept, content);

    /// <summary>Declines.</summary>
    /// <returns>The answer.</returns>
    public static QoderElicitationResult Decline() => new(QoderElicitationAction.Decline, null);

    /// <summary>Cancels, as the client does when no handler is set.</summary>
    /// <returns>The answer.</returns>
    public static QoderElicitationResult Cancel() => new(QoderElicitationAction.Cancel, null);
}
