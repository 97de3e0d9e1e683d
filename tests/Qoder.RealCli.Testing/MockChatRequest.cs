using System.Text;

namespace Qoder.RealCli.Testing;

/// <summary>
/// A chat request as the backend mock received it, readable enough to answer from the conversation it carries.
/// </summary>
/// <remarks>
/// qodercli 1.1.52 sends the chat body (the whole conversation: system prompt, every earlier user and assistant message,
/// the new prompt) as base64 over a private 64-character alphabet, with <c>$</c> as padding and its segments in no fixed
/// order. The mock maps the alphabet back and decodes the text at each of the four possible 6-bit alignments, so every
/// segment is readable in one of the views; <see cref="Text"/> joins the views. The mock only searches this text: the
/// JSON structure is not recovered.
/// </remarks>
public sealed class MockChatRequest
{
    private const string ObfuscatedAlphabet = "_doRTgHZBKcGVjlvpC,@aFSx#DPuNJme&i*MzLOEn)sUrthbf%Y^w.(kIQyXqWA!";
    private const char ObfuscatedPadding = '$';

    private MockChatRequest(string text) => Text = text;

    /// <summary>The decoded views of the body, joined by line feeds; text split across two segments may be cut.</summary>
    public string Text { get; }

    /// <summary>Whether the request carries <paramref name="value"/> (ordinal).</summary>
    /// <param name="value">Text to look for, such as a word of an earlier prompt.</param>
    /// <returns>True when a decoded view contains it.</returns>
    public bool Contains(string value) => Text.Contains(value, StringComparison.Ordinal);

    /// <summary>Decodes a raw chat body; a body in another form is kept as it is.</summary>
    /// <param name="body">The request body as received.</param>
    /// <returns>The readable request.</returns>
    public static MockChatRequest Decode(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var values = new int[128];
        Array.Fill(values, -1);
        for (var index = 0; index < ObfuscatedAlphabet.Length; index++)
        {
            values[ObfuscatedAlphabet[index]] = index;
        }

        var symbols = new List<int>(body.Length);
        foreach (var character in body)
        {
            if (character == ObfuscatedPadding)
            {
                continue;
            }

            if (character >= values.Length || values[character] < 0)
            {
                return new MockChatRequest(body);
            }

            symbols.Add(values[character]);
        }

        var views = new StringBuilder();
        for (var offset = 0; offset < 4; offset++)
        {
            views.Append(Encoding.UTF8.GetString(Unpack(symbols, offset))).Append('\n');
        }

        return new MockChatRequest(views.ToString());
    }

    private static byte[] Unpack(List<int> symbols, int offset)
    {
        var bytes = new byte[Math.Max(0, symbols.Count - offset) * 6 / 8];
        int buffer = 0, bits = 0, written = 0;
        for (var index = offset; index < symbols.Count && written < bytes.Length; index++)
        {
            buffer = ((buffer << 6) | symbols[index]) & 0xFFFFFF;
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                bytes[written++] = (byte)(buffer >> bits);
            }
        }

        return bytes;
    }
}
