namespace Qoder.Extensions.Hosting;

/// <summary>
/// Whether the host has started. Options are validated strictly until then (start-up fails naming the key); after it,
/// a reload is checked by the pool itself, which keeps the last valid options instead of throwing in the reloader.
/// </summary>
internal sealed class QoderHostStartup
{
    private volatile bool _started;

    public bool Started => _started;

    public void MarkStarted() => _started = true;
}
