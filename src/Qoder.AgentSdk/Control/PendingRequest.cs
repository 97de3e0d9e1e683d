using System.Text.Json;

namespace Qoder.AgentSdk.Control;

/// <summary>A control request this client sent, waiting for the CLI's answer.</summary>
internal sealed class PendingRequest : TaskCompletionSource<JsonElement?>
{
    /// <param name="subtype">The request's subtype, for errors.</param>
    public PendingRequest(string subtype)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        Subtype = subtype;

        // The waiter may be gone before the request fails (its write failed, it timed out or was cancelled, and then the
        // channel closed): the failure is then nobody's, and must not surface as an unobserved task exception.
        _ = Task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public string Subtype { get; }
}
