using System.Text.RegularExpressions;

namespace Qoder.AgentSdk.Testing.Internal.Tools;

/// <summary>The tool families the permission rules and prompts of CLI 1.1.52 tell apart.</summary>
internal static partial class ToolNames
{
    /// <summary>Tools that run without a permission prompt unless the step says otherwise.</summary>
    public static readonly HashSet<string> ReadOnly = new(StringComparer.Ordinal)
    {
        "Read", "Glob", "Grep", "LS", "TaskCreate", "TaskGet", "TaskList", "TaskUpdate", "TodoWrite", "WebSearch",
    };

    /// <summary>File edits: allowed by <c>acceptEdits</c> and prompted for as edits.</summary>
    public static readonly HashSet<string> Edit = new(StringComparer.Ordinal) { "Write", "Edit", "MultiEdit", "NotebookEdit" };

    /// <summary><c>mcp__server__tool</c>, with the groups <c>server</c> and <c>tool</c>.</summary>
    [GeneratedRegex("^mcp__(?<server>.+?)__(?<tool>.+)$")]
    public static partial Regex Mcp();
}
