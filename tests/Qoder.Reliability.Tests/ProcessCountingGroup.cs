namespace Qoder.Reliability.Tests;

/// <summary>
/// Tests that count the test host's child processes run alone: other test classes start CLIs of their own meanwhile.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCountingGroup
{
    public const string Name = "counts the host's child processes";
}
