using Xunit.Abstractions;

namespace Qoder.Conformance.Tests;

/// <summary>The conformance suite against the real CLI 1.1.52 in SDK mode with a PAT, talking to the local backend mock (route B).</summary>
[Trait("Category", "RealCli")]
public sealed class RouteBConformanceTests(ITestOutputHelper output) : ConformanceSuite(new RouteBTarget(), output);
