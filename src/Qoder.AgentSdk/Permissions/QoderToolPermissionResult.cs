using System.Text.Json;

namespace Qoder.AgentSdk;

/// <summary>The host's answer to a <see cref="QoderToolPermissionRequest"/>.</summary>
public sealed class QoderToolPermissionResult
{
    private QoderToolPermissionResult(bool allowed, JsonElement? updatedInput, JsonElement? updatedPermissions, string? message, bool interrupt)
    {
        IsAllowed = allowed;
        UpdatedInput = updatedInput;
        UpdatedPermissions = updatedPermissions;
        Message = message;
        Interrupt = interrupt;
    }

    /// <summary>Gets a value indicating whether the tool may run.</summary>
    public bool IsAllowed { get; }

    /// <summary>Gets the input the tool runs with instead of the requested one, if any.</summary>
    public JsonElement? UpdatedInput { get; }

    /// <summary>Gets permission updates (an array of PermissionUpdate objects) to apply, if any.</summary>
    public JsonElement? UpdatedPermissions { get; }

    /// <summary>Gets the reason given to the model for a denial.</summary>
    public string? Message { get; }

    /// <summary>Gets a value indicating whether a denial should also interrupt the turn.</summary>
    public bool Interrupt { get; }

    /// <summary>Allows the tool call.</summary>
    /// <param name="updatedInput">The input to run with instead of the requested one.</param>
    /// <param name="updatedPermissions">Permission updates to apply.</param>
    /// <returns>The answer.</returns>
    public static QoderToolPermissionResult Allow(JsonElement? updatedInput = null, JsonElement? updatedPermissions = null) =>
        new(true, updatedInput, updatedPermissions, null, false);

    /// <summary>Allows the tool call with a changed typed input, such as <c>request.InputAs&lt;QoderBashInput&gt;() with { Timeout = 60000 }</c>.</summary>
    /// <typeparam name="T">The tool's input record.</typeparam>
    /// <param name="updatedInput">The input to run with instead of the requested one.</param>
    /// <param name="updatedPermissions">Permission updates to apply.</param>
    /// <returns>The answer.</returns>
    public static QoderToolPermissionResult Allow<T>(T updatedInput, JsonElement? updatedPermissions = null)
        where T : Tools.QoderToolInput => Allow(Tools.ToolInputJson.Write(updatedInput), updatedPermissions);

    /// <summary>Denies the tool call.</summary>
    /// <param name="message">The reason, shown to the model.</param>
    /// <param name="interrupt">Whether to interrupt the turn too.</param>
    /// <returns>The answer.</returns>
    public static QoderToolPermissionResult Deny(string message, bool interrupt = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        return new QoderToolPermissionResult(false, null, null, message, interrupt);
    }
}
