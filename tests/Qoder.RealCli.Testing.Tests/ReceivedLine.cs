using System.Text.Json.Nodes;

namespace Qoder.RealCli.Testing.Tests;

/// <summary>One stdout line of the CLI; <see cref="Message"/> is null when the line was not a JSON object.</summary>
internal sealed record ReceivedLine(TimeSpan Elapsed, string Text, JsonObject? Message);
