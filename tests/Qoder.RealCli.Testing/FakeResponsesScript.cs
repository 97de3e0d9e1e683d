using System.Text;
using System.Text.Json.Nodes;

namespace Qoder.RealCli.Testing;

/// <summary>
/// Builds the JSONL file for the CLI's hidden <c>--fake-responses &lt;path&gt;</c> flag (route A of
/// docs/protocol.md, Running the real CLI offline): one line per model call, consumed in order.
/// </summary>
public sealed class FakeResponsesScript
{
    /// <summary>
    /// The <c>--settings</c> JSON route A needs: without it headless mode still stops at the
    /// "Not logged in" check.
    /// </summary>
    public const string UseExternalAuthSettingsJson = """{"security":{"auth":{"useExternal":true}}}""";

    /// <summary>
    /// When set (for example to <c>0</c>), the CLI streams each chunk of a line as a
    /// <c>text_delta</c> with this delay in milliseconds and keeps one cursor per method.
    /// </summary>
    public const string StreamDelayVariable = "QODER_FAKE_STREAM_DELAY_MS";

    /// <summary>The flag that takes the script path.</summary>
    public const string FakeResponsesFlag = "--fake-responses";

    private readonly List<string> _lines = [];

    /// <summary>Number of model calls scripted so far.</summary>
    public int Count => _lines.Count;

    /// <summary>Scripts a plain text reply.</summary>
    /// <param name="text">The assistant text.</param>
    /// <param name="usage">Usage metadata for the call, if any.</param>
    /// <returns>This script.</returns>
    public FakeResponsesScript AddText(string text, MockTokenUsage? usage = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AddTextChunks([text], usage);
    }

    /// <summary>Scripts a text reply delivered as several stream chunks.</summary>
    /// <param name="chunks">The text pieces, in order.</param>
    /// <param name="usage">Usage metadata for the call, if any.</param>
    /// <returns>This script.</returns>
    public FakeResponsesScript AddTextChunks(IEnumerable<string> chunks, MockTokenUsage? usage = null)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var parts = chunks.Select(chunk => (JsonNode)new JsonObject { ["text"] = chunk }).ToList();
        if (parts.Count == 0)
        {
            throw new ArgumentException("At least one chunk is required.", nameof(chunks));
        }

        _lines.Add(Line(parts.Select(part => new List<JsonNode> { part }).ToList(), usage));
        return this;
    }

    /// <summary>Scripts a reply that calls one tool, optionally after some text.</summary>
    /// <param name="toolName">The CLI's tool name, such as <c>Write</c> or <c>Bash</c>.</param>
    /// <param name="arguments">A JSON object: a <see cref="JsonNode"/>, JSON text or a serialisable object.</param>
    /// <param name="leadingText">Text before the call, if any.</param>
    /// <param name="usage">Usage metadata for the call, if any.</param>
    /// <returns>This script.</returns>
    public FakeResponsesScript AddToolCall(string toolName, object arguments, string? leadingText = null, MockTokenUsage? usage = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(toolName);
        var parts = new List<JsonNode>();
        if (!string.IsNullOrEmpty(leadingText))
        {
            parts.Add(new JsonObject { ["text"] = leadingText });
        }

        parts.Add(new JsonObject
        {
            ["functionCall"] = new JsonObject
            {
                ["name"] = toolName,
                ["args"] = JsonArguments.ToNode(arguments),
            },
        });
        _lines.Add(Line([parts], usage));
        return this;
    }

    /// <summary>The script as JSONL, one line per model call, each ending in a newline.</summary>
    /// <returns>The file content.</returns>
    public string ToJsonLines()
    {
        var builder = new StringBuilder();
        foreach (var line in _lines)
        {
            builder.Append(line).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Writes the script to <paramref name="path"/>, creating its directory.</summary>
    /// <param name="path">Target file; pass it after <see cref="FakeResponsesFlag"/>.</param>
    public void WriteTo(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, ToJsonLines());
    }

    /// <summary>
    /// Writes <see cref="UseExternalAuthSettingsJson"/> to <c>&lt;home&gt;/.qoder/settings.json</c>,
    /// the alternative to passing it with <c>--settings</c>.
    /// </summary>
    /// <param name="homeDirectory">The <c>HOME</c> the CLI will run with.</param>
    public static void WriteUseExternalAuthSettings(string homeDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(homeDirectory);
        var directory = Path.Combine(homeDirectory, ".qoder");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "settings.json"), UseExternalAuthSettingsJson);
    }

    // Each inner list is one streamed chunk (a GenerateContentResponse); the last carries the finish reason and usage.
    private static string Line(List<List<JsonNode>> chunks, MockTokenUsage? usage)
    {
        var responses = new JsonArray();
        for (var i = 0; i < chunks.Count; i++)
        {
            var candidate = new JsonObject
            {
                ["content"] = new JsonObject
                {
                    ["role"] = "model",
                    ["parts"] = new JsonArray([.. chunks[i]]),
                },
            };
            var response = new JsonObject { ["candidates"] = new JsonArray(candidate) };
            if (i == chunks.Count - 1)
            {
                candidate["finishReason"] = "STOP";
                if (usage is not null)
                {
                    response["usageMetadata"] = new JsonObject
                    {
                        ["promptTokenCount"] = usage.PromptTokens,
                        ["candidatesTokenCount"] = usage.CompletionTokens,
                        ["totalTokenCount"] = usage.TotalTokens,
                    };
                }
            }

            responses.Add(response);
        }

        return new JsonObject
        {
            ["method"] = "generateContentStream",
            ["response"] = responses,
        }.ToJsonString();
    }
}
