using System.Text.Json;
using System.Text.RegularExpressions;

namespace Qoder.AgentSdk.Commands;

/// <summary>Reads <c>plugins validate --json</c>: a report, the CLI's own error, or the reason the output cannot be used.</summary>
internal static partial class PluginValidationOutput
{
    private static readonly HashSet<string> Phases = new(StringComparer.Ordinal) { "target", "manifest", "component", "load-simulation", "installability" };

    public static QoderPluginValidationReport Read(CliCommandOutput output)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(output.Stdout);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw OlderCli().IsMatch($"{output.Stderr}\n{output.Stdout}")
                ? new QoderCliCommandException("plugin_validation_unsupported", "The selected qodercli does not support structured plugin validation; use qodercli 1.1.52 or later.")
                : new QoderCliCommandException("plugin_validation_protocol_error", "qodercli returned an invalid plugin validation response.");
        }

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ok", out var ok))
        {
            if (!root.TryGetProperty("schemaVersion", out var schema) || schema.ValueKind != JsonValueKind.Number || schema.GetDouble() != 1)
            {
                throw new QoderCliCommandException("plugin_validation_schema_unsupported", "qodercli returned an unsupported plugin validation schema version.");
            }

            if (ok.ValueKind == JsonValueKind.True && root.TryGetProperty("report", out var report) && report.ValueKind != JsonValueKind.Null)
            {
                return IsWellFormed(report) && report.Deserialize(CommandsJsonContext.Default.QoderPluginValidationReport) is { } typed
                    ? typed
                    : throw new QoderCliCommandException("plugin_validation_protocol_error", "qodercli returned a malformed plugin validation report.");
            }

            if (ok.ValueKind == JsonValueKind.False)
            {
                return root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                    && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                    && error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
                    ? throw new QoderCliCommandException(code.GetString()!, message.GetString()!)
                    : throw new QoderCliCommandException("plugin_validation_protocol_error", "qodercli returned a malformed plugin validation error.");
            }
        }

        if (output.ExitCode != 0)
        {
            throw QoderPlugins.Failure(output);
        }

        throw new QoderCliCommandException("plugin_validation_protocol_error", "qodercli returned an unrecognized plugin validation response.");
    }

    /// <summary>The fields a report must have, checked before it is trusted (schema 1, as the official SDK checks).</summary>
    private static bool IsWellFormed(JsonElement report)
    {
        static bool Is(JsonElement e, string name, JsonValueKind kind) => e.TryGetProperty(name, out var v) && v.ValueKind == kind;
        static bool IsBool(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False;

        if (report.ValueKind != JsonValueKind.Object
            || !report.TryGetProperty("schemaVersion", out var schema) || schema.ValueKind != JsonValueKind.Number || schema.GetDouble() != 1
            || !IsBool(report, "valid")
            || !report.TryGetProperty("validator", out var validator) || validator.ValueKind != JsonValueKind.Object
            || !validator.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || name.GetString() != "qodercli"
            || !Is(validator, "version", JsonValueKind.String)
            || !report.TryGetProperty("target", out var target) || target.ValueKind != JsonValueKind.Object
            || !Is(target, "inputPath", JsonValueKind.String) || !Is(target, "resolvedPath", JsonValueKind.String)
            || !report.TryGetProperty("diagnostics", out var diagnostics) || diagnostics.ValueKind != JsonValueKind.Array
            || !report.TryGetProperty("summary", out var summary) || summary.ValueKind != JsonValueKind.Object
            || !Is(summary, "errorCount", JsonValueKind.Number) || !Is(summary, "warningCount", JsonValueKind.Number) || !Is(summary, "componentCount", JsonValueKind.Number))
        {
            return false;
        }

        return diagnostics.EnumerateArray().All(d =>
            d.ValueKind == JsonValueKind.Object
            && d.TryGetProperty("severity", out var severity) && severity.ValueKind == JsonValueKind.String && severity.GetString() is "error" or "warning"
            && Is(d, "code", JsonValueKind.String) && Is(d, "message", JsonValueKind.String)
            && d.TryGetProperty("phase", out var phase) && phase.ValueKind == JsonValueKind.String && Phases.Contains(phase.GetString()!)
            && (!d.TryGetProperty("location", out var location) || (location.ValueKind == JsonValueKind.Object && Is(location, "path", JsonValueKind.String))));
    }

    [GeneratedRegex(@"unknown option[^\n]*--json|unknown command[^\n]*validate", RegexOptions.IgnoreCase)]
    private static partial Regex OlderCli();
}
