namespace Qoder.AgentSdk;

/// <summary>Wire names of <see cref="QoderPermissionMode"/>.</summary>
public static class QoderPermissionModeExtensions
{
    /// <summary>The camelCase name the CLI accepts on argv and on the control protocol.</summary>
    /// <param name="mode">The mode.</param>
    /// <returns>For example <c>acceptEdits</c>; <see cref="QoderPermissionMode.Yolo"/> gives <c>yolo</c>.</returns>
    public static string ToWireName(this QoderPermissionMode mode) => mode switch
    {
        QoderPermissionMode.Default => "default",
        QoderPermissionMode.AcceptEdits => "acceptEdits",
        QoderPermissionMode.BypassPermissions => "bypassPermissions",
        QoderPermissionMode.Plan => "plan",
        QoderPermissionMode.DontAsk => "dontAsk",
        QoderPermissionMode.Auto => "auto",
        QoderPermissionMode.Yolo => "yolo",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown permission mode."),
    };
}
