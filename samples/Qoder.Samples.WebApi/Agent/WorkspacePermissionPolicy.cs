using System.Text.Json;
using Qoder.AgentSdk;
using Qoder.Extensions.Hosting;

namespace Qoder.Samples.WebApi.Agent;

/// <summary>
/// The sample's tool-permission policy, resolved from DI for each run: reads and the app's own tools are allowed, writes
/// only under the workspace folder (<c>Sample:Workspace</c>, else the agent's working directory), Bash and anything else
/// are denied.
/// </summary>
public sealed class WorkspacePermissionPolicy : IQoderToolPermissionHandler
{
    private static readonly HashSet<string> ReadTools = new(StringComparer.Ordinal) { "Read", "Glob", "Grep", "LS" };
    private static readonly HashSet<string> WriteTools = new(StringComparer.Ordinal) { "Write", "Edit", "MultiEdit", "NotebookEdit" };
    private readonly string _workspace;
    private readonly ILogger<WorkspacePermissionPolicy> _logger;

    /// <summary>Initializes a new instance of the <see cref="WorkspacePermissionPolicy"/> class.</summary>
    /// <param name="configuration">Where the workspace folder is configured.</param>
    /// <param name="logger">Logs each decision.</param>
    public WorkspacePermissionPolicy(IConfiguration configuration, ILogger<WorkspacePermissionPolicy> logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _workspace = Path.GetFullPath(configuration["Sample:Workspace"] ?? configuration["Qoder:Agent:WorkingDirectory"] ?? Directory.GetCurrentDirectory());
        _logger = logger;
    }

    /// <inheritdoc/>
    public ValueTask<QoderToolPermissionResult> DecideAsync(QoderToolPermissionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = Decide(request);
        Log.PermissionDecided(_logger, request.ToolName, result.IsAllowed, result.Message);
        return ValueTask.FromResult(result);
    }

    private QoderToolPermissionResult Decide(QoderToolPermissionRequest request)
    {
        var tool = request.ToolName;
        if (ReadTools.Contains(tool) || tool.StartsWith("mcp__app__", StringComparison.Ordinal))
        {
            return QoderToolPermissionResult.Allow();
        }

        if (WriteTools.Contains(tool))
        {
            var path = request.Input.ValueKind == JsonValueKind.Object && request.Input.TryGetProperty("file_path", out var p) ? p.GetString() : null;
            return path is not null && IsInWorkspace(path)
                ? QoderToolPermissionResult.Allow()
                : QoderToolPermissionResult.Deny($"Writes are only allowed under the workspace folder {_workspace}.");
        }

        return tool == "Bash"
            ? QoderToolPermissionResult.Deny("Shell commands are not allowed in this service.")
            : QoderToolPermissionResult.Deny($"The tool {tool} is not allowed in this service.");
    }

    private bool IsInWorkspace(string path)
    {
        var full = Path.GetFullPath(Path.Combine(_workspace, path));
        var relative = Path.GetRelativePath(_workspace, full);
        return relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}
