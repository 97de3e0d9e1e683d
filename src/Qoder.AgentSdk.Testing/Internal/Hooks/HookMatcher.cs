using System.Text.RegularExpressions;

namespace Qoder.AgentSdk.Testing.Internal.Hooks;

/// <summary>
/// docs/protocol.md, Hooks: tool names are tested against the matcher as an unanchored regex (equality when it is not
/// one); a trigger or source is a member of a plain <c>a|b</c> list, matches a matcher with other regex syntax as a
/// regex, or equals a plain word.
/// </summary>
internal static partial class HookMatcher
{
    public static bool Matches(string? matcher, string? value, bool toolEvent)
    {
        if (string.IsNullOrEmpty(matcher) || matcher == "*" || value is null)
        {
            return true;
        }

        if (!toolEvent)
        {
            if (PlainAlternatives().IsMatch(matcher))
            {
                return matcher.Split('|').Contains(value, StringComparer.Ordinal);
            }

            if (!RegexSyntax().IsMatch(matcher))
            {
                return string.Equals(matcher, value, StringComparison.Ordinal);
            }
        }

        try
        {
            return Regex.IsMatch(value, matcher, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return string.Equals(matcher, value, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9_\-]+(\|[A-Za-z0-9_\-]+)+$")]
    private static partial Regex PlainAlternatives();

    [GeneratedRegex(@"[.^$*+?()\[\]{}\\|]")]
    private static partial Regex RegexSyntax();
}
