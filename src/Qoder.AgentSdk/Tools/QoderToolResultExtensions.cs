using System.Diagnostics.CodeAnalysis;
using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk.Tools;

/// <summary>Typed readings of the structured tool result a <see cref="UserMessage"/> carries (<c>tool_use_result</c>).</summary>
public static class QoderToolResultExtensions
{
    /// <summary>Reads the message's tool result as a Bash background launch (see <see cref="QoderBashBackgroundLaunchResult.TryRead"/>).</summary>
    /// <param name="message">A user message carrying a tool result.</param>
    /// <param name="launch">The launch, when it is one.</param>
    /// <returns><see langword="true"/> when the tool result is a background launch.</returns>
    public static bool TryGetBashBackgroundLaunch(this UserMessage message, [NotNullWhen(true)] out QoderBashBackgroundLaunchResult? launch)
    {
        ArgumentNullException.ThrowIfNull(message);
        launch = null;
        return message.ToolUseResult is { } result && QoderBashBackgroundLaunchResult.TryRead(result, out launch);
    }
}
