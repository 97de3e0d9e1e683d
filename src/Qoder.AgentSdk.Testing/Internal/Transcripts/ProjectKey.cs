using System.Text;

namespace Qoder.AgentSdk.Testing.Internal.Transcripts;

/// <summary>The CLI's name for a working directory's transcript folder (the SDK has its own copy of the rule; the stand-in does not reference the SDK).</summary>
internal static class ProjectKey
{
    private const int MaxLength = 200;

    public static string For(string directory) => Sanitize(RealPath(directory));

    public static string Sanitize(string path)
    {
        var builder = new StringBuilder(path.Length);
        foreach (var c in path)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var key = builder.ToString();
        if (key.Length <= MaxLength)
        {
            return key;
        }

        var hash = 5381;
        foreach (var unit in path)
        {
            hash = unchecked(hash * 33) ^ unit;
        }

        return key[..MaxLength] + "-" + ToBase36(Math.Abs((long)hash));
    }

    // Symbolic links along the path are followed, as the CLI keys projects by the real path.
    private static string RealPath(string directory)
    {
        var full = Path.GetFullPath(directory);
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var segment in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, segment);
            try
            {
                if (new DirectoryInfo(current).ResolveLinkTarget(returnFinalTarget: true) is { } target)
                {
                    current = Path.GetFullPath(target.FullName);
                }
            }
            catch (IOException)
            {
                // An unreadable link keeps its own name.
            }
        }

        return current;
    }

    private static string ToBase36(long value)
    {
        const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        if (value == 0)
        {
            return "0";
        }

        var chars = new StringBuilder();
        while (value > 0)
        {
            chars.Insert(0, Digits[(int)(value % 36)]);
            value /= 36;
        }

        return chars.ToString();
    }
}
