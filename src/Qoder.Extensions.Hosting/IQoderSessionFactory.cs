namespace Qoder.Extensions.Hosting;

/// <summary>Leases initialised <c>qodercli</c> processes from the agent's pool, one conversation per lease.</summary>
public interface IQoderSessionFactory
{
    /// <summary>Leases a process: a pre-warmed one when available, else a newly started one, waiting in line when the pool is full.</summary>
    /// <param name="options">What this session changes from the agent's options; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The session; dispose it to give the process back (or retire it once it has had a conversation).</returns>
    /// <exception cref="QoderPoolExhaustedException">No process became available within <c>Qoder:Pool:AcquireTimeout</c>.</exception>
    ValueTask<IQoderSession> CreateSessionAsync(QoderSessionOptions? options = null, CancellationToken cancellationToken = default);
}
