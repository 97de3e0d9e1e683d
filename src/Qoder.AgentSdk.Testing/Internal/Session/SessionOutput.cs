using System.Text;
using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Testing.Internal.Session;

/// <summary>Every line the stand-in prints: stdout messages (silent once hung), control responses, and stderr text.</summary>
internal sealed class SessionOutput(LineWriter stdout, Stream stderr, string sessionId)
{
    private volatile bool _hung;

    /// <summary>A <c>hang</c> step ran: the stand-in stays alive but neither prints nor reads any more.</summary>
    public bool IsHung => _hung;

    /// <summary>For faults that write stderr in bulk.</summary>
    public Stream Stderr => stderr;

    public Task WriteAsync(JsonObject message) => _hung ? Task.CompletedTask : stdout.WriteAsync(message);

    /// <summary>Writes <paramref name="message"/> with a fresh <c>uuid</c> and the session id appended.</summary>
    public Task WriteStampedAsync(JsonObject message) => WriteAsync(Wire.Stamp(message, sessionId));

    public Task WriteRawLineAsync(string line) => stdout.WriteRawLineAsync(line);

    public Task WriteBytesAsync(ReadOnlyMemory<byte> bytes) => stdout.WriteBytesAsync(bytes);

    public void Hang()
    {
        _hung = true;
        stdout.Close();
    }

    public void Close() => stdout.Close();

    public async Task WriteStderrAsync(string text)
    {
        try
        {
            await stderr.WriteAsync(Encoding.UTF8.GetBytes(text)).ConfigureAwait(false);
            await stderr.FlushAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The host closed its end of stderr.
        }
    }

    /// <summary>The <c>command_lifecycle</c> state of a user message; messages without a uuid have none.</summary>
    public Task LifecycleAsync(string? uuid, string state) =>
        uuid is null
            ? Task.CompletedTask
            : WriteStampedAsync(new JsonObject { ["type"] = "command_lifecycle", ["command_uuid"] = uuid, ["state"] = state });

    public Task RespondSuccessAsync(string requestId, JsonObject? body)
    {
        var response = new JsonObject { ["subtype"] = "success", ["request_id"] = requestId };
        if (body is not null)
        {
            response["response"] = body;
        }

        return WriteAsync(new JsonObject { ["type"] = "control_response", ["response"] = response });
    }

    public Task RespondErrorAsync(string requestId, string error, string? code = null)
    {
        var response = new JsonObject { ["subtype"] = "error", ["request_id"] = requestId, ["error"] = error };
        if (code is not null)
        {
            response["code"] = code;
        }

        return WriteAsync(new JsonObject { ["type"] = "control_response", ["response"] = response });
    }
}
