using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Qoder.AgentSdk.Protocol;

/// <summary>
/// The <c>type</c> and <c>subtype</c> of one stdout line, read with a token scan that stops as soon as they are known (the
/// CLI writes <c>type</c> first), so the line can be deserialised straight into its record afterwards.
/// </summary>
/// <param name="IsObject">Whether the line is a JSON object.</param>
/// <param name="Type">The message type, or <see langword="null"/>.</param>
/// <param name="Subtype">The subtype of a <c>system</c> message, or <see langword="null"/>.</param>
internal readonly record struct MessageHead(bool IsObject, string? Type, string? Subtype)
{
    // Types whose name is matched without allocating a string; others are read as new strings.
    private static readonly string[] KnownTypes =
    [
        "stream_event", "assistant", "user", "result", "system", "control_response", "control_request",
        "control_cancel_request", "control_cancel", "keep_alive", "keepalive", "transcript_mirror", "streamlined_text",
        "streamlined_tool_use_summary", "post_turn_summary", "command_lifecycle", "prompt_suggestion",
    ];

    private static readonly byte[][] KnownTypeBytes = [.. KnownTypes.Select(System.Text.Encoding.UTF8.GetBytes)];

    // Optimised from its first call, as PipeLineReader.HandleLines.
    /// <summary>Reads the head of one line.</summary>
    /// <param name="line">The line's UTF-8 bytes.</param>
    /// <returns>The head.</returns>
    /// <exception cref="JsonException">The line is not JSON (as far as it had to be read).</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static MessageHead Read(in ReadOnlySequence<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return default;
        }

        string? type = null;
        string? subtype = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = reader.TokenType == JsonTokenType.String ? KnownOrNew(ref reader) : null;
                if (type != "system" || subtype is not null)
                {
                    break;
                }
            }
            else if (reader.ValueTextEquals("subtype"u8))
            {
                reader.Read();
                subtype = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                if (type is not null)
                {
                    break;
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new MessageHead(true, type, subtype);
    }

    private static string? KnownOrNew(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < KnownTypeBytes.Length; i++)
        {
            if (reader.ValueTextEquals(KnownTypeBytes[i]))
            {
                return KnownTypes[i];
            }
        }

        return reader.GetString();
    }
}
