using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Control;

namespace Qoder.AgentSdk.Testing.Internal.Session;

/// <summary>One stdin line: parsed, recorded and routed by its <c>type</c>; a line that is not JSON is fatal, as in the real CLI.</summary>
internal sealed class InboundLineHandler(
    SessionState state, SessionOutput output, SessionExit exit, WorkQueue queue, UserMessageIntake users,
    ControlRequestDispatcher controlRequests, OutboundControlRequests outbound)
{
    private int _lineNumber;

    public async Task OnLineAsync(ReadOnlyMemory<byte> bytes)
    {
        _lineNumber++;
        if (output.IsHung || exit.IsRequested)
        {
            return;
        }

        var raw = Encoding.UTF8.GetString(bytes.Span);
        var text = raw.Trim();
        if (text.Length == 0)
        {
            return;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            state.Record?.Write("stdin_invalid", new JsonObject { ["line"] = _lineNumber, ["chars"] = raw.Length });
            await output.WriteAsync(Wire.FatalResult(state.SessionId, $"API Error: invalid_stream_json: stream-json input line {_lineNumber} ({raw.Length} chars)", null))
                .ConfigureAwait(false);
            exit.Request(1, "invalid_stream_json");
            return;
        }

        state.Record?.Write("stdin", new JsonObject { ["frame"] = node?.DeepClone() });
        if (node is not JsonObject frame)
        {
            return;
        }

        switch (Wire.Str(frame["type"]))
        {
            case "user":
                await users.OnUserAsync(frame).ConfigureAwait(false);
                break;
            case "control_request":
                await controlRequests.OnRequestAsync(frame).ConfigureAwait(false);
                break;
            case "control_response":
                outbound.OnResponse(frame);
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// Stdin closed (or failed): pending control requests fail, a turn waiting for an interrupt ends, and the work loop
    /// wakes to finish the queue and exit.
    /// </summary>
    public void OnEndOfInput()
    {
        if (output.IsHung)
        {
            return;
        }

        state.StdinClosed = true;
        outbound.FailAllPending();
        if (state.WaitingForInterrupt)
        {
            state.TurnCancellation?.Cancel();
        }

        queue.Signal();
    }
}
