using System.Text;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Hooks;
using Qoder.AgentSdk.Testing.Internal.Mcp;
using Qoder.AgentSdk.Testing.Internal.Session;

namespace Qoder.AgentSdk.Testing.Internal.Tools;

/// <summary>Runs an authorized tool: MCP tools on the host, <c>Write</c> for real inside the working directory, any other the scripted result.</summary>
internal sealed class ToolExecutor(SessionState state, HookRunner hooks, SdkMcpServers mcp, ToolResultWriter results)
{
    /// <summary>Runs the tool with its authorized input, calls the PostToolUse hooks and reports the result; returns that input.</summary>
    public async Task<JsonObject> RunAsync(QoderScenarioStep step, string id, JsonObject input, CancellationToken ct)
    {
        var name = step.Name ?? "Tool";
        state.Record?.Write("tool", new JsonObject { ["name"] = name, ["tool_use_id"] = id, ["input"] = input.DeepClone() });
        var outcome = await ExecuteAsync(step, name, input, ct).ConfigureAwait(false);
        await hooks.RunAsync("PostToolUse", name, new()
        {
            ["tool_use_id"] = id,
            ["tool_name"] = name,
            ["tool_input"] = input.DeepClone(),
            ["tool_response"] = outcome.ToolResponse,
        }, id, ct).ConfigureAwait(false);
        await results.WriteAsync(id, outcome.Content, outcome.IsError, outcome.ToolUseResult, null).ConfigureAwait(false);
        return input;
    }

    private async Task<ToolOutcome> ExecuteAsync(QoderScenarioStep step, string name, JsonObject input, CancellationToken ct)
    {
        var mcpName = ToolNames.Mcp().Match(name);
        if (mcpName.Success)
        {
            return await mcp.CallToolAsync(name, mcpName.Groups["server"].Value, mcpName.Groups["tool"].Value, input, ct).ConfigureAwait(false);
        }

        if (name == "Write" && Wire.Str(input["file_path"]) is { } path)
        {
            return await WriteFileAsync(step, path, input, ct).ConfigureAwait(false);
        }

        var text = step.Result ?? string.Empty;
        return new ToolOutcome(text, step.IsError == true, null, text);
    }

    // Writes only inside the working directory: a scenario must not reach outside the test's folder.
    private async Task<ToolOutcome> WriteFileAsync(QoderScenarioStep step, string path, JsonObject input, CancellationToken ct)
    {
        var fileContent = Wire.Str(input["content"]) ?? string.Empty;
        var full = Path.GetFullPath(path, state.Cwd);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(state.Cwd)) + Path.DirectorySeparatorChar;
        if (full.StartsWith(root, StringComparison.Ordinal))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, fileContent, ct).ConfigureAwait(false);
        }

        return new ToolOutcome(
            step.Result ?? $"File created successfully at: {full}",
            step.IsError == true,
            new JsonObject { ["success"] = true, ["file_path"] = full, ["bytesWritten"] = Encoding.UTF8.GetByteCount(fileContent), ["additions"] = 0, ["deletions"] = 0 },
            new JsonObject { ["type"] = "create", ["filePath"] = full, ["content"] = fileContent, ["structuredPatch"] = new JsonArray(), ["originalFile"] = null });
    }
}
