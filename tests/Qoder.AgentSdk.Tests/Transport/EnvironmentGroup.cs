namespace Qoder.AgentSdk.Tests.Transport;

/// <summary>Tests that change the process environment run alone, after every parallel test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentGroup
{
    public const string Name = "Process environment";
}
