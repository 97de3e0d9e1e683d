using System.Text.Json;

namespace Qoder.AgentSdk.Commands;

/// <summary>Reads what <c>qodercli feedback --json</c> printed into a result, as the official SDK does.</summary>
internal static class FeedbackOutput
{
    public static QoderFeedbackResult Read(CliCommandOutput output)
    {
        var text = output.Stdout.Trim();
        if (text.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                var root = document.RootElement;
                var success = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("success", out var s) && IsTruthy(s);
                var message = success
                    ? NonEmpty(root, "message") ?? "Feedback submitted successfully"
                    : NonEmpty(root, "error") ?? NonEmpty(root, "message") ?? "Failed to submit feedback";
                return new QoderFeedbackResult(success, message, NonEmpty(root, "request_id"));
            }
            catch (JsonException)
            {
                // Not JSON: judged by the exit code below.
            }
        }

        return output.ExitCode != 0
            ? new QoderFeedbackResult(false, output.Stderr.Trim() is { Length: > 0 } error ? error : "Failed to submit feedback", null)
            : new QoderFeedbackResult(true, text.Length > 0 ? text : "Feedback submitted successfully", null);
    }

    private static string? NonEmpty(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    private static bool IsTruthy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.Object or JsonValueKind.Array => true,
        JsonValueKind.String => value.GetString()!.Length > 0,
        JsonValueKind.Number => value.GetDouble() != 0,
        _ => false,
    };
}
