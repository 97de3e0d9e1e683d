using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Testing.Internal.Session;

/// <summary>The session's exit code: the first request wins, silences stdout and is recorded.</summary>
internal sealed class SessionExit(SessionOutput output, RecordWriter? record)
{
    private readonly TaskCompletionSource<int> _code = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _requested;

    public Task<int> Code => _code.Task;

    public bool IsRequested => Volatile.Read(ref _requested) != 0;

    public void Request(int code, string reason)
    {
        if (Interlocked.Exchange(ref _requested, 1) == 0)
        {
            // Recorded before the code is released: the main thread ends the process as soon as it has the code.
            output.Close();
            record?.Write("exit", new JsonObject { ["reason"] = reason, ["code"] = code });
            _code.SetResult(code);
        }
    }

    /// <summary>Never returns: after a scripted exit, crash or hang the caller's work ends with the process.</summary>
    public static async Task StopHereAsync(CancellationToken lifetime)
    {
        await Task.Delay(Timeout.Infinite, lifetime).ConfigureAwait(false);
    }
}
