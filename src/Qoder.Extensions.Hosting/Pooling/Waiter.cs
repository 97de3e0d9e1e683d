using Qoder.AgentSdk;

namespace Qoder.Extensions.Hosting.Pooling;

/// <summary>A caller waiting for a process of one launch identity.</summary>
internal sealed class Waiter
{
    public Waiter(string key, QoderAgentOptions options)
    {
        Key = key;
        Options = options;
    }

    public string Key { get; }

    public QoderAgentOptions Options { get; }

    public LinkedListNode<Waiter>? Node { get; set; }

    public TaskCompletionSource<PooledProcess> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
