namespace Qoder.AgentSdk.Tests.RealCli;

/// <summary>A fresh HOME and working directory for one real-CLI test, removed on dispose.</summary>
public sealed class RealCliFolders : IDisposable
{
    private readonly TempDirectory _home = new("qoder-home-");
    private readonly TempDirectory _work = new("qoder-work-");

    public string Home => _home.Path;

    public string Work => _work.Path;

    public void Dispose()
    {
        _home.Dispose();
        _work.Dispose();
    }
}
