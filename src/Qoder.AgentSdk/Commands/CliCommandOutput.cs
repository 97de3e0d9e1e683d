namespace Qoder.AgentSdk.Commands;

/// <summary>What a one-shot CLI command printed, and its exit code.</summary>
internal sealed record CliCommandOutput(string Stdout, string Stderr, int ExitCode);
