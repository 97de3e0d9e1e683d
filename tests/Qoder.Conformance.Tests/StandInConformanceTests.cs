using Xunit.Abstractions;

namespace Qoder.Conformance.Tests;

/// <summary>The conformance suite against the scripted stand-in (SDK mode, fake PAT).</summary>
public sealed class StandInConformanceTests(ITestOutputHelper output) : ConformanceSuite(new StandInTarget(), output);
