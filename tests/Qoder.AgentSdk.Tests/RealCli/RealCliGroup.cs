namespace Qoder.AgentSdk.Tests.RealCli;

/// <summary>Real CLI tests run one at a time: each process takes ~0.7 GB and seconds of both cores to start.</summary>
[CollectionDefinition(Name)]
public sealed class RealCliGroup : ICollectionFixture<RealCliFixture>
{
    public const string Name = "Real qodercli";
}
