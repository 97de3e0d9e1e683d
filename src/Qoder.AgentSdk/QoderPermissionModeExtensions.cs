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

    /// <summary>
    /// The mode the CLI actually runs in: <see cref="QoderPermissionMode.Yolo"/> is an argv alias of
    /// <see cref="QoderPermissionMode.BypassPermissions"/> that the control protocol does not know.
    /// </summary>
    /// <param name="mode">The mode.</param>
    /// <returns>The mode with <see cref="QoderPermissionMode.Yolo"/> mapped to <see cref="QoderPermissionMode.BypassPermissions"/>.</returns>
    public static QoderPermissionMode ToEffectiveMode(this QoderPermissionMode mode) =>
        mode == QoderPermissionMode.Yolo ? QoderPermissionMode.BypassPermissions : mode;
}
