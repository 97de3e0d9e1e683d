using Polly;

namespace Qoder.Extensions.Hosting.Conversations;

/// <summary>
/// Marks an attempt's <see cref="ResilienceContext"/> once the CLI accepted the prompt, and only while that attempt
/// runs. The context goes back to Polly's shared pool when the attempt ends, so a streamed turn read on afterwards must
/// not write into whichever execution holds the context next (it would stop that run's retry).
/// </summary>
internal sealed class AttemptAcceptance(ResilienceContext context)
{
    private ResilienceContext? _context = context;

    /// <summary>Records that the prompt was accepted; nothing is retried from here on.</summary>
    public void Accepted() => _context?.Properties.Set(QoderResilience.TurnStartedKey, true);

    /// <summary>Ends the attempt: later acceptance no longer matters to the pipeline, which has moved on.</summary>
    public void Detach() => _context = null;
}
