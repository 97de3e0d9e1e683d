using System.Text;

namespace Qoder.AgentSdk.Sessions;

/// <summary>
/// The CLI's name for a working directory's transcript folder (<c>&lt;config-dir&gt;/projects/&lt;project-key&gt;</c>), which
/// is also the <see cref="QoderSessionKey.ProjectKey"/> of a session store.
/// </summary>
public static class QoderProjectKey
{
    /// <summary>The longest key kept whole; longer keys are cut and suffixed with a hash of the path.</summary>
    public const int MaxLength = 200;

    /// <summary>The project key of a directory: its real path (symbolic links followed), sanitized by <see cref="FromPath"/>.</summary>
    /// <param name="directory">The working directory, absolute or relative to the current directory.</param>
    /// <returns>The key, for example <c>-home-alice-app</c> for <c>/home/alice/app</c>.</returns>
    public static string FromDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        return FromPath(RealPath(directory));
    }

    /// <summary>
    /// The project key of a path taken as it is: every character outside <c>[A-Za-z0-9]</c> becomes <c>-</c>. A result
    /// longer than <see cref="MaxLength"/> is cut to that length and suffixed with <c>-</c> and the base-36 value of a
    /// 32-bit hash of the path, as the CLI does.
    /// </summary>
    /// <param name="path">The path.</param>
    /// <returns>The key.</returns>
    public static string FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var builder = new StringBuilder(path.Length);
        foreach (var c in path)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        if (builder.Length <= MaxLength)
        {
            return builder.ToString();
        }

        var hash = 5381;
        foreach (var unit in path)
        {
            hash = unchecked(hash * 33) ^ unit;
        }

        return builder.ToString(0, MaxLength) + "-" + ToBase36(Math.Abs((long)hash));
    }

    private static string RealPath(string directory)
    {
        var full = Path.GetFullPath(directory);
        var root = Path.GetPathRoot(full) ?? string.Empty;
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
                // An unreadable link keeps its own name, as a path that does not exist does.
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
