using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Qoder.Extensions.Hosting;

namespace Qoder.Samples.WebApi.Controllers;

/// <summary>Maps the conversation errors to HTTP: not found → 404, busy or an already delivered message → 409.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ConversationErrorsAttribute : ExceptionFilterAttribute
{
    /// <inheritdoc />
    public override void OnException(ExceptionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = context.Exception switch
        {
            QoderConversationNotFoundException => StatusCodes.Status404NotFound,
            QoderConversationBusyException or QoderDuplicateMessageException => StatusCodes.Status409Conflict,
            _ => (int?)null,
        };
        if (status is { } code && !context.HttpContext.Response.HasStarted)
        {
            context.Result = new ObjectResult(new ProblemDetails { Status = code, Title = context.Exception.Message }) { StatusCode = code };
            context.ExceptionHandled = true;
        }
    }
}
