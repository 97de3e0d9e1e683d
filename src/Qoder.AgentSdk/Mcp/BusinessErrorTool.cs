using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Qoder.AgentSdk;

/// <summary>
/// Turns an exception from a tool into an <c>isError</c> result. An <see cref="McpException"/> is the tool's deliberate
/// message to the model and is passed on; any other exception is logged and the model gets
/// <see cref="Control.HostCallbackError.Message"/>, since its text can hold secrets.
/// </summary>
internal sealed class BusinessErrorTool(McpServerTool inner, ILogger logger) : DelegatingMcpServerTool(inner)
{
    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.InvokeAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (McpException ex) when (ex is not McpProtocolException)
        {
            return new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = ex.Message }] };
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not McpException)
        {
            SdkLog.ToolFailed(logger, ex, ProtocolTool.Name);
            return new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = Control.HostCallbackError.Message }] };
        }
    }
}
