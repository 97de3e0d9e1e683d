namespace Qoder.AgentSdk.Sessions;

/// <summary>A private configuration directory holding one session loaded from the store; deleted on dispose.</summary>
internal sealed class MaterializedSession : IDisposable
{
    private int _disposed;

    public MaterializedSession(string configDirectory, string sessionId)
    {
        ConfigDirectory = configDirectory;
        SessionId = sessionId;
    }

    /// <summary>The directory the CLI gets as <c>QODER_CONFIG_DIR</c>.</summary>
    public string ConfigDirectory { get; }

    /// <summary>The session to resume.</summary>
    public string SessionId { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            Directory.Delete(ConfigDirectory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Already gone, or a file is still held open; the OS temp cleaner takes what is left.
        }
    }
}
