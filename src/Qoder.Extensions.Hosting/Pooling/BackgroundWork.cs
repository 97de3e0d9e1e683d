namespace Qoder.Extensions.Hosting.Pooling;

/// <summary>The pool's starts and retirements in flight, so that stop can wait for them; thread-safe on its own.</summary>
internal sealed class BackgroundWork
{
    private readonly Lock _lock = new();
    private readonly HashSet<Task> _tasks = [];

    public void Track(Task task)
    {
        lock (_lock)
        {
            _tasks.Add(task);
        }

        _ = task.ContinueWith(
            t =>
            {
                lock (_lock)
                {
                    _tasks.Remove(t);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Waits for the work in flight now, until <paramref name="cancellationToken"/>.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => Task.WhenAll(Pending()).WaitAsync(cancellationToken);

    /// <summary>Waits until no work is left, including work that started while waiting (a cancelled start retires its process when it ends).</summary>
    public async Task WaitUntilIdleAsync()
    {
        while (Pending() is { Length: > 0 } pending)
        {
            await Task.WhenAll(pending).ConfigureAwait(false);
        }
    }

    private Task[] Pending()
    {
        lock (_lock)
        {
            return [.. _tasks.Where(t => !t.IsCompleted)];
        }
    }
}
