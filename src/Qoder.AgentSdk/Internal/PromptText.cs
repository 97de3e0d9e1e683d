using System.Globalization;

namespace Qoder.AgentSdk.Internal;

/// <summary>Checks text before it is written to the CLI.</summary>
internal static class PromptText
{
    /// <summary>
    /// Rejects text with a lone UTF-16 surrogate: JSON encoding would silently replace it with U+FFFD, so the CLI would
    /// receive other text than the caller wrote. Such text usually comes from cutting a string inside a character.
    /// </summary>
    /// <exception cref="ArgumentException">The text has a lone surrogate.</exception>
    public static void ThrowIfMalformed(string text, string paramName)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The text has a lone UTF-16 surrogate (U+{(int)c:X4}) at index {i}, which cannot be sent unaltered; nothing was sent. It usually comes from cutting a string inside a character: cut at a character boundary (for example with StringInfo) instead."),
                    paramName);
            }
        }
    }
}
