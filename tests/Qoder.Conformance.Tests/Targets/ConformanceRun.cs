namespace Qoder.Conformance.Tests;

/// <summary>
/// The per-test state of one scenario: a fresh HOME and working directory shared by every client the scenario starts
/// (so a resumed session finds its transcript), and whatever the target keeps alive for the test (route B's mock).
/// </summary>
public class ConformanceRun : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];

    public ConformanceRun()
    {
        Home = Directory.CreateTempSubdirectory("qoder-conf-home-").FullName;
        Work = Directory.CreateTempSubdirectory("qoder-conf-work-").FullName;
    }

    public string Home { get; }

    public string Work { get; }

    public void Own(IAsyncDisposable resource) => _owned.Add(resource);

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var resource in Enumerable.Reverse(_owned))
        {
            await resource.DisposeAsync();
        }

        TryDelete(Home);
        TryDelete(Work);
        GC.SuppressFinalize(this);
    }

    private static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A late log flush of an exiting CLI must not fail the test; the OS temp cleaner gets it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
