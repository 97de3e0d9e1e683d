using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Qoder.AgentSdk.Tools;

/// <summary>
/// The result of a Bash tool call that launched a background task (<c>kind: "backgrounded"</c>) instead of waiting for the
/// command, as found in <see cref="Protocol.UserMessage.ToolUseResult"/>. Read it with <see cref="TryRead"/>, which makes
/// the official SDK's <c>isBashToolBackgroundLaunchResult</c> checks.
/// </summary>
public sealed record QoderBashBackgroundLaunchResult
{
    /// <summary>Gets the background process id (positive).</summary>
    public required int Pid { get; init; }

    /// <summary>Gets the background task id (for <c>stop_task</c> and the task messages).</summary>
    public required string TaskId { get; init; }

    /// <summary>Gets the command line.</summary>
    public required string Command { get; init; }

    /// <summary>Gets the output captured before the command went to the background.</summary>
    public required string InitialOutput { get; init; }

    /// <summary>Gets the file the task's output goes to, if any.</summary>
    public string? OutputFile { get; init; }

    /// <summary>Gets the standard output so far, if given.</summary>
    public string? Stdout { get; init; }

    /// <summary>Gets why it went to the background: <c>user</c>, <c>model</c>, <c>timeout</c> or <c>auto</c>, if given.</summary>
    public string? BackgroundReason { get; init; }

    /// <summary>Gets the CLI's telemetry id of the execution, if given.</summary>
    public string? TelemetryExecutionId { get; init; }

    /// <summary>Gets the lines of output so far, if given.</summary>
    public long? TotalLines { get; init; }

    /// <summary>Gets the bytes of output so far, if given.</summary>
    public long? TotalBytes { get; init; }

    /// <summary>
    /// Reads a tool result as a background launch: an object with <c>kind: "backgrounded"</c>, a positive integer
    /// <c>pid</c>, string <c>taskId</c>, <c>command</c> and <c>initialOutput</c>, optional strings <c>outputFile</c>,
    /// <c>stdout</c> and <c>telemetryExecutionId</c>, optional non-negative integers <c>totalLines</c> and
    /// <c>totalBytes</c>, and an optional <c>backgroundReason</c> among the four known ones.
    /// </summary>
    /// <param name="value">The tool result.</param>
    /// <param name="result">The launch, when it is one.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> is a background launch.</returns>
    public static bool TryRead(JsonElement value, [NotNullWhen(true)] out QoderBashBackgroundLaunchResult? result)
    {
        result = null;
        if (value.ValueKind != JsonValueKind.Object
            || !Text(value, "kind", out var kind) || kind != "backgrounded"
            || !value.TryGetProperty("pid", out var pid) || pid.ValueKind != JsonValueKind.Number || !pid.TryGetInt32(out var pidValue) || pidValue <= 0
            || !Text(value, "taskId", out var taskId) || !Text(value, "command", out var command) || !Text(value, "initialOutput", out var initialOutput)
            || !OptionalText(value, "outputFile", out var outputFile) || !OptionalText(value, "stdout", out var stdout)
            || !OptionalText(value, "telemetryExecutionId", out var telemetry)
            || !OptionalCount(value, "totalLines", out var lines) || !OptionalCount(value, "totalBytes", out var bytes)
            || !OptionalText(value, "backgroundReason", out var reason) || reason is not (null or "user" or "model" or "timeout" or "auto"))
        {
            return false;
        }

        result = new QoderBashBackgroundLaunchResult
        {
            Pid = pidValue,
            TaskId = taskId,
            Command = command,
            InitialOutput = initialOutput,
            OutputFile = outputFile,
            Stdout = stdout,
            BackgroundReason = reason,
            TelemetryExecutionId = telemetry,
            TotalLines = lines,
            TotalBytes = bytes,
        };
        return true;
    }

    private static bool Text(JsonElement value, string name, [NotNullWhen(true)] out string? text)
    {
        text = value.TryGetProperty(name, out var field) && field.ValueKind == JsonValueKind.String ? field.GetString() : null;
        return text is not null;
    }

    private static bool OptionalText(JsonElement value, string name, out string? text)
    {
        text = null;
        if (!value.TryGetProperty(name, out var field))
        {
            return true;
        }

        text = field.ValueKind == JsonValueKind.String ? field.GetString() : null;
        return text is not null;
    }

    private static bool OptionalCount(JsonElement value, string name, out long? count)
    {
        count = null;
        if (!value.TryGetProperty(name, out var field))
        {
            return true;
        }

        if (field.ValueKind == JsonValueKind.Number && field.TryGetInt64(out var number) && number >= 0)
        {
            count = number;
            return true;
        }

        return false;
    }
}
