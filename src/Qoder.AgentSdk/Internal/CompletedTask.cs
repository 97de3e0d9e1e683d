namespace Qoder.AgentSdk.Internal;

/// <summary>Reads the value of a task that has already completed, which never blocks.</summary>
internal static class CompletedTask
{
    /// <summary>The task's value when it completed successfully; otherwise null, without waiting.</summary>
    public static int? ValueOrNull(this Task<int> task)
    {
        ArgumentNullException.ThrowIfNull(task);
#pragma warning disable RS0030, VSTHRD002, VSTHRD103 // Guarded by IsCompletedSuccessfully: this is no sync-over-async.
        return task.IsCompletedSuccessfully ? task.Result : null;
#pragma warning restore RS0030, VSTHRD002, VSTHRD103
    }
}
