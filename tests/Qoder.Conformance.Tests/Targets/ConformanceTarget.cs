namespace Qoder.Conformance.Tests;

/// <summary>Turns a neutral <see cref="ConformanceScript"/> into options that make one CLI play it.</summary>
public abstract class ConformanceTarget
{
    public abstract string Name { get; }

    public virtual Task<ConformanceRun> StartRunAsync() => Task.FromResult(new ConformanceRun());

    /// <summary>Options for one client of <paramref name="run"/> that plays <paramref name="script"/>.</summary>
    public abstract Task<QoderAgentOptions> CreateOptionsAsync(ConformanceRun run, ConformanceScript script, bool rejectCredentials = false);

    /// <summary>Options shared by every target: short shutdown so a test does not wait out the real CLI's 8 s linger.</summary>
    protected static QoderAgentOptions BaseOptions(ConformanceRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var options = new QoderAgentOptions
        {
            WorkingDirectory = run.Work,
            ShutdownGracePeriod = TimeSpan.FromSeconds(1),
            KillGracePeriod = TimeSpan.FromSeconds(1),
            InitializeTimeout = TimeSpan.FromSeconds(60),
            ControlRequestTimeout = TimeSpan.FromSeconds(30),
            AutoInstallCli = false,
        };
        options.Environment["HOME"] = run.Home;
        return options;
    }
}
