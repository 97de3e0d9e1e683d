using System.Text.Json.Nodes;
using Qoder.AgentSdk.Internal;
using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk.Input;

/// <summary>Turns a <see cref="QoderUserInput"/> into the stdin frame the CLI reads (docs/protocol.md, user message).</summary>
internal static class UserInputWriter
{
    /// <summary>Builds the frame; every text is checked first, so a malformed input sends nothing.</summary>
    /// <param name="input">The message.</param>
    /// <param name="agentContext">The client's <see cref="QoderAgentOptions.CustomContext"/>; the message's own entries win.</param>
    /// <param name="paramName">The caller's parameter name, for the exception.</param>
    /// <exception cref="ArgumentException">The input has no content or a text with a lone surrogate.</exception>
    public static UserInputFrame ToFrame(QoderUserInput input, IDictionary<string, string>? agentContext, string paramName)
    {
        ArgumentNullException.ThrowIfNull(input, paramName);
        if (input.Content.Count == 0)
        {
            throw new ArgumentException("The input has no content block; add a text or an image.", paramName);
        }

        var content = new JsonArray();
        foreach (var block in input.Content)
        {
            content.Add((JsonNode)Block(block, paramName));
        }

        return new UserInputFrame
        {
            Message = new UserInputContent { Content = content },
            Uuid = string.IsNullOrEmpty(input.Uuid) ? Guid.NewGuid().ToString() : input.Uuid,
            Priority = input.Priority switch
            {
                QoderInputPriority.Now => "now",
                QoderInputPriority.Next => "next",
                QoderInputPriority.Later => "later",
                _ => null,
            },
            ShouldQuery = input.ShouldQuery,
            CustomContext = Context(agentContext, input.CustomContext),
            FileAttachments = input.Attachments.Count == 0
                ? null
                : new JsonArray([.. input.Attachments.Select(a => (JsonNode?)new JsonObject { ["file_id"] = a.FileId, ["relative_path"] = a.RelativePath })]),
            ClientComposed = input.ClientComposed ? true : null,
        };
    }

    private static JsonObject? Context(IDictionary<string, string>? agentContext, IDictionary<string, string> messageContext)
    {
        if (messageContext.Count == 0 && (agentContext is null || agentContext.Count == 0))
        {
            return null;
        }

        var context = new JsonObject();
        foreach (var (key, value) in (agentContext ?? new Dictionary<string, string>()).Concat(messageContext))
        {
            context[key] = value;
        }

        return context;
    }

    private static JsonObject Block(QoderInputBlock block, string paramName)
    {
        switch (block)
        {
            case QoderTextInput text:
                PromptText.ThrowIfMalformed(text.Text, paramName);
                return new JsonObject { ["type"] = "text", ["text"] = text.Text };
            case QoderImageInput { Url: { } url }:
                return new JsonObject { ["type"] = "image", ["source"] = new JsonObject { ["type"] = "url", ["url"] = url.AbsoluteUri } };
            case QoderImageInput image:
                return new JsonObject
                {
                    ["type"] = "image",
                    ["source"] = new JsonObject { ["type"] = "base64", ["media_type"] = image.MediaType, ["data"] = image.Data },
                };
            default:
                throw new ArgumentException("A content block is null.", paramName);
        }
    }
}
