using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal;
using Qoder.AgentSdk.Testing.Internal.Session;
using Qoder.AgentSdk.Testing.Internal.Transcripts;

namespace Qoder.AgentSdk.Testing;

/// <summary>
/// The stand-in CLI: behaves as <c>qodercli --print --output-format stream-json --input-format stream-json</c> for a scenario
/// read from <c>QODER_STANDIN_SCENARIO</c>, recording to <c>QODER_STANDIN_RECORD</c>. Runs as a process
/// (the native <c>qodercli-standin</c>, or <c>dotnet Qoder.AgentSdk.Testing.dll …</c>) or in-process through <see cref="RunAsync"/>.
/// </summary>
public static class StandInCli
{
    /// <summary>Runs the stand-in until it exits (stdin EOF, a scripted exit or fault, or cancellation).</summary>
    /// <param name="args">The qodercli argv.</param>
    /// <param name="stdin">Input stream (JSON lines).</param>
    /// <param name="stdout">Output stream (JSON lines).</param>
    /// <param name="stderr">Diagnostic stream.</param>
    /// <param name="environment">The environment variables the stand-in sees.</param>
    /// <param name="cancellationToken">Stops the stand-in (exit code 130), including a hung one.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(
        string[] args, Stream stdin, Stream stdout, Stream stderr, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var cli = CliArguments.Parse(args);
        var cwd = cli.Get("cwd") is { Length: > 0 } dir ? Path.GetFullPath(dir) : Directory.GetCurrentDirectory();
        using var record = environment.GetValueOrDefault(StandInLaunch.RecordVariable) is { Length: > 0 } recordPath
            ? new RecordWriter(recordPath.Replace(StandInLaunch.ProcessIdPlaceholder, Environment.ProcessId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
            : null;
        record?.Write("start", new JsonObject
        {
            ["pid"] = Environment.ProcessId,
            ["argv"] = Wire.Strings(args),
            ["env_names"] = Wire.Strings(SortedNames(environment)),
            ["cwd"] = cwd,
        });

        int Fail(string message, int code, string reason)
        {
            stderr.Write(Encoding.UTF8.GetBytes(message + "\n"));
            stderr.Flush();
            record?.Write("exit", new JsonObject { ["reason"] = reason, ["code"] = code });
            return code;
        }

        if (cli.UnknownOption is { } unknown)
        {
            return Fail($"error: unknown option '{unknown}'", 1, "unknown_option");
        }

        QoderScenario scenario;
        try
        {
            scenario = environment.GetValueOrDefault(StandInLaunch.ScenarioVariable) is { Length: > 0 } scenarioPath
                ? QoderScenario.Load(scenarioPath)
                : QoderScenario.Create();
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return Fail($"stand-in: cannot load the scenario: {ex.Message}", 2, "invalid_arguments");
        }

        if (cli.Has("version"))
        {
            await stdout.WriteAsync(Encoding.UTF8.GetBytes(scenario.CliVersion + "\n"), cancellationToken).ConfigureAwait(false);
            return 0;
        }

        var sdkMode = !string.IsNullOrEmpty(environment.GetValueOrDefault("QODER_AGENT_SDK_ENTRYPOINT"));
        var inputFormat = cli.Get("input-format");
        var outputFormat = cli.Get("output-format");
        if (sdkMode && (!cli.Has("print") || inputFormat != "stream-json" || outputFormat != "stream-json"))
        {
            return Fail(
                "An unexpected critical error occurred:Error: sdk_invalid_args: Agent SDK entrypoint env is set but required flags are missing. "
                + "Expected --print --input-format stream-json --output-format stream-json, "
                + $"got print={(cli.Has("print") ? "true" : "false")}, inputFormat={inputFormat ?? "undefined"}, outputFormat={outputFormat ?? "undefined"}",
                1,
                "invalid_arguments");
        }

        var mode = NormalizePermissionMode(cli);
        if (mode is null)
        {
            return Fail(
                $"Invalid values:\n  Argument: permission-mode, Given: \"{cli.Get("permission-mode")}\", Choices: \"default\", \"plan\", \"auto\", \"bypass_permissions\", \"accept_edits\", \"dont_ask\"",
                1,
                "invalid_arguments");
        }

        var transcript = TranscriptOpening.Open(cli, scenario, environment, cwd, out var resumeError);
        if (resumeError is not null)
        {
            return Fail(resumeError, TranscriptOpening.ResumeNotFoundExitCode, "resume_not_found");
        }

        using var session = new StandInSession(cli, scenario, stdin, stdout, stderr, environment, record, cwd, mode, transcript, cancellationToken);
        return await session.RunAsync().ConfigureAwait(false);
    }

    // A plain loop instead of LINQ: this runs before system/init, where every generic instantiation costs JIT time.
    private static string[] SortedNames(IReadOnlyDictionary<string, string?> environment)
    {
        var names = new string[environment.Count];
        var i = 0;
        foreach (var pair in environment)
        {
            names[i++] = pair.Key;
        }

        Array.Sort(names, StringComparer.Ordinal);
        return names;
    }

    private static string? NormalizePermissionMode(CliArguments cli)
    {
        if (cli.Has("yolo") || cli.Has("dangerously-skip-permissions"))
        {
            return "bypassPermissions";
        }

        if (cli.Get("permission-mode") is not { } given)
        {
            return "default";
        }

        var key = new string([.. given.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
        return key switch
        {
            "default" => "default",
            "plan" => "plan",
            "auto" => "auto",
            "acceptedits" => "acceptEdits",
            "bypasspermissions" or "yolo" => "bypassPermissions",
            "dontask" => "dontAsk",
            _ => null,
        };
    }
}
