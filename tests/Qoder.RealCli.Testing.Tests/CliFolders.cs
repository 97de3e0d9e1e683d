namespace Qoder.RealCli.Testing.Tests;

/// <summary>
/// The private folders one real-CLI run needs: its HOME, its working directory and (SDK mode) the auth payload's folder.
/// All are removed on dispose.
/// </summary>
internal sealed class CliFolders : IDisposable
{
    private readonly TempDirectory _home = new("qoder-home-");
    private readonly TempDirectory _work = new("qoder-work-");
    private readonly TempDirectory _auth = new("qoder-sdk-auth-");

    /// <summary>The CLI's HOME (settings, fake responses, seeded credentials).</summary>
    public string Home => _home.Path;

    /// <summary>The CLI's working directory.</summary>
    public string Work => _work.Path;

    /// <summary>Where an SDK-mode launch writes its auth payload.</summary>
    public string Auth => _auth.Path;

    public void Dispose()
    {
        _home.Dispose();
        _work.Dispose();
        _auth.Dispose();
    }
}
