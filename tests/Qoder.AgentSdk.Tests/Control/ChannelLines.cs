namespace Qoder.AgentSdk.Tests.Control;

/// <summary>Stdout lines a fake CLI writes in the control-channel tests.</summary>
internal static class ChannelLines
{
    public static string Text(string text) =>
        """{"type":"assistant","message":{"role":"assistant","content":[{"type":"text","text":"TEXT"}]},"session_id":"s"}""".Replace("TEXT", text, StringComparison.Ordinal);

    public static string HookCallback(string requestId, string callbackId = "hook_0") =>
        """{"type":"control_request","request_id":"ID","request":{"subtype":"hook_callback","callback_id":"CB","input":{}}}"""
            .Replace("ID", requestId, StringComparison.Ordinal).Replace("CB", callbackId, StringComparison.Ordinal);

    public static string Cancel(string requestId) =>
        """{"type":"control_cancel_request","request_id":"ID"}""".Replace("ID", requestId, StringComparison.Ordinal);
}
