using Qoder.AgentSdk.Protocol;

namespace Qoder.Tests.Support;

/// <summary>The queries tests run over a turn's messages.</summary>
public static class MessageQueries
{
    /// <summary>Every <c>tool_result</c> block of the turn's <c>user</c> messages, in order.</summary>
    public static List<ToolResultBlock> ToolResults(this IEnumerable<QoderMessage> messages) =>
        [.. messages.OfType<UserMessage>().SelectMany(m => m.Message.Blocks).OfType<ToolResultBlock>()];

    /// <summary>The texts of the turn's assistant text blocks, in order.</summary>
    public static List<string> AssistantTexts(this IEnumerable<QoderMessage> messages) =>
        [.. messages.OfType<AssistantMessage>().SelectMany(m => m.Message.Content).OfType<TextBlock>().Select(b => b.Text)];
}
