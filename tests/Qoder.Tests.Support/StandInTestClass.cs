namespace Qoder.Tests.Support;

/// <summary>
/// A test class on the scripted stand-in: xUnit builds one instance per test, so each test gets its own
/// <see cref="StandIn"/> harness, disposed (clients stopped, work folder removed) after the test.
/// </summary>
public abstract class StandInTestClass : IDisposable
{
    /// <summary>This test's stand-in harness.</summary>
    protected StandInHarness StandIn { get; } = new();

    /// <summary>Stops the harness's clients and removes its work folder.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the harness; a derived class that holds more disposes it here too.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            StandIn.Dispose();
        }
    }
}
