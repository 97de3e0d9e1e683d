using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Testing.Internal.Tools;

/// <summary>The <c>can_use_tool</c> request and the texts around it, shaped as CLI 1.1.52 sends them.</summary>
internal static class PermissionPromptRequest
{
    public static JsonObject Create(string name, string id, JsonObject input, JsonArray suggestions)
    {
        var filePath = Wire.Str(input["file_path"]);
        var edit = ToolNames.Edit.Contains(name) && filePath is not null;
        var mcp = ToolNames.Mcp().Match(name);
        JsonObject details = edit
            ? new() { ["type"] = "edit", ["title"] = $"Edit {Path.GetFileName(filePath)}", ["fileName"] = Path.GetFileName(filePath), ["filePath"] = filePath, ["newContent"] = Wire.Str(input["content"]) }
            : mcp.Success
                ? new() { ["type"] = "mcp", ["title"] = name, ["serverName"] = mcp.Groups["server"].Value, ["toolName"] = mcp.Groups["tool"].Value, ["toolArgs"] = input.DeepClone() }
                : new() { ["type"] = "exec", ["title"] = Wire.Str(input["command"]) ?? name, ["command"] = Wire.Str(input["command"]) ?? string.Empty };
        return new JsonObject
        {
            ["subtype"] = "can_use_tool",
            ["tool_name"] = name,
            ["input"] = input.DeepClone(),
            ["tool_use_id"] = id,
            ["display_name"] = mcp.Success ? $"{mcp.Groups["tool"].Value} ({mcp.Groups["server"].Value} MCP Server)" : name,
            ["description"] = $"{name} tool",
            ["title"] = edit ? $"Edit {Path.GetFileName(filePath)}" : Wire.Str(input["command"]) ?? name,
            ["details"] = details,
            ["options"] = new JsonArray(
                new JsonObject { ["outcome"] = "proceed_once", ["name"] = "Allow once", ["allowed"] = true },
                new JsonObject { ["outcome"] = "proceed_always", ["name"] = "Allow for this session", ["allowed"] = true },
                new JsonObject { ["outcome"] = "cancel", ["name"] = "No", ["allowed"] = false }),
            ["permission_suggestions"] = suggestions.DeepClone(),
            ["decision_reason"] = edit ? "No rule covers this write" : "No rule covers this tool",
            ["decision_reason_type"] = "other",
        };
    }

    /// <summary>The question the prompt asks; a failed prompt reports it as the tool error.</summary>
    public static string Title(string name, JsonObject input)
    {
        var summary = Wire.Str(input["command"]) ?? Wire.Str(input["file_path"]) ?? input.ToJsonString();
        return $"Allow {name} to run: {summary}?";
    }

    /// <summary>An edit of a file suggests switching the session to <c>acceptEdits</c>.</summary>
    public static JsonArray Suggestions(string name, JsonObject input) =>
        ToolNames.Edit.Contains(name) && Wire.Str(input["file_path"]) is not null
            ? new JsonArray(new JsonObject { ["type"] = "setMode", ["mode"] = "acceptEdits", ["destination"] = "session" })
            : [];
}
