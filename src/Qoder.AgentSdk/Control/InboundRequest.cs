namespace Qoder.AgentSdk.Control;

/// <summary>
/// One control request from the CLI being answered. It owns the token its handler gets; <see cref="Cancel"/> and
/// <see cref="Dispose"/> may race from any thread (a <c>control_cancel_request</c> or the end of the session against the
/// handler finishing), and neither ever throws.
/// </summary>
internal sealed class InboundRequest : IDisposable
{
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _cts;
    private bool _disposed;

    /// <summary>Initializes a new instance of the <see cref="InboundRequest"/> class.</summary>
    /// <param name="id">The request id.</param>
    /// <param name="subtype">The request subtype.</param>
    /// <param name="stopping">Cancelled when the session stops.</param>
    public InboundRequest(string id, string subtype, CancellationToken stopping)
    {
        Id = id;
        Subtype = subtype;
        _cts = CancellationTokenSource.CreateLinkedTokenSource(stopping);

        // Read once: the token stays usable after the source is disposed, the source's Token property does not.
        Token = _cts.Token;
    }

    public string Id { get; }

    public string Subtype { get; }

    /// <summary>Gets the handler's token: cancelled when the CLI withdraws the request or the session stops.</summary>
    public CancellationToken Token { get; }

    /// <summary>
    /// Withdraws the request. The token's callbacks run on the thread pool: a slow or throwing callback of the host
    /// cannot stall or break the caller, which is the read loop.
    /// </summary>
    public void Cancel()
    {
        lock (_lock)
        {
            if (!_disposed)
            {
                _ = _cts.CancelAsync();
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (!_disposed)
            {
                _disposed = true;
                _cts.Dispose();
            }
        }
    }
}
