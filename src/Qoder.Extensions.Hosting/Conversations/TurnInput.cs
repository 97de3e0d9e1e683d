using Qoder.AgentSdk.Input;

namespace Qoder.Extensions.Hosting.Conversations;

/// <summary>The prompt of a conversation's turn as sent: the caller's input under the turn's uuid, the caller's object untouched (a retry resends the same uuid).</summary>
internal static class TurnInput
{
    public static QoderUserInput WithUuid(QoderUserInput input, string uuid)
    {
        var copy = new QoderUserInput(input.Content)
        {
            Uuid = uuid,
            Priority = input.Priority,
            ShouldQuery = input.ShouldQuery,
            ClientComposed = input.ClientComposed,
        };
        foreach (var (name, value) in input.CustomContext)
        {
            copy.CustomContext[name] = value;
        }

        foreach (var attachment in input.Attachments)
        {
            copy.Attachments.Add(attachment);
        }

        return copy;
    }
}
