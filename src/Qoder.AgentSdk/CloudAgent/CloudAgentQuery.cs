using System.Runtime.CompilerServices;
using System.Text.Json;
using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk.CloudAgent;

/// <summary>
/// One prompt on the Qoder Cloud API: resolve the session (creating the agent and session when asked), open the
/// session's event stream, post the prompt, then pass every event on as a <see cref="CloudAgentEventMessage"/> until the
/// prompt's turn goes idle, fails or the session terminates, which ends the stream with a <see cref="ResultMessage"/>.
/// The stream is opened before the prompt is posted so no event of the turn is missed; a stream that ends early is
/// reopened after the last event id received, up to <see cref="MaxReconnects"/> times without progress.
/// </summary>
internal static class CloudAgentQuery
{
    /// <summary>How many times in a row a stream that ends without progress is reopened before the turn fails.</summary>
    internal const int MaxReconnects = 3;

    private static readonly TimeSpan ReconnectStep = TimeSpan.FromMilliseconds(250);

    internal static async IAsyncEnumerable<QoderMessage> RunAsync(
        string prompt,
        QoderAgentOptions options,
        TimeProvider time,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cloud = options.ExperimentalCloudAgent ?? throw new QoderConfigurationException(nameof(QoderAgentOptions.ExperimentalCloudAgent), "is required for a Cloud Agent query.");
        CloudAgentOptionsValidator.Validate(cloud, options.Auth);
        var environment = options.Environment as IReadOnlyDictionary<string, string?> ?? new Dictionary<string, string?>(options.Environment, StringComparer.Ordinal);
        var token = options.Auth.ResolveToken(environment);
        var apiBase = cloud.ApiBase?.ToString() ?? Environment.GetEnvironmentVariable(CloudAgentOptions.ApiBaseVariable) ?? CloudAgentOptions.DefaultApiBase;
        var ownedHttp = cloud.HttpClient is null ? new HttpClient() : null;
        using (ownedHttp)
        {
            var api = new CloudAgentHttpApi(cloud.HttpClient ?? ownedHttp!, apiBase, token, options.OnAuthExpired);
            var started = time.GetTimestamp();
            var sessionId = await ResolveSessionAsync(api, cloud, cancellationToken).ConfigureAwait(false);
            var replayFrom = cloud.Stream?.AfterId;
            var flush = cloud.Stream?.DeltaFlushInterval;
            var response = await api.OpenEventStreamAsync(sessionId, replayFrom, flush, cancellationToken).ConfigureAwait(false);
            CloudTurn turn;
            try
            {
                var turnId = await api.PostEventsAsync(sessionId, [new CloudSessionInputEvent(CloudEventTypes.UserMessage, prompt)], cancellationToken).ConfigureAwait(false);
                turn = new CloudTurn(turnId);
            }
            catch
            {
                response.Dispose();
                throw;
            }

            var attempts = 0;
            while (true)
            {
                var openedAfter = replayFrom;
                using (response)
                {
                    await foreach (var sse in ReadEventsAsync(response, cancellationToken).ConfigureAwait(false))
                    {
                        var data = ParseData(sse.Data);
                        var type = CloudJson.String(data, "type") ?? sse.Event;
                        replayFrom = sse.Id ?? replayFrom;
                        yield return new CloudAgentEventMessage
                        {
                            Type = "cloud_agent_event",
                            Event = type,
                            Id = sse.Id,
                            Data = data,
                            Uuid = sse.Id ?? Guid.NewGuid().ToString(),
                            SessionId = sessionId,
                        };
                        if (turn.Owns(data) && Apply(turn, type, data, sessionId, time.GetElapsedTime(started)) is { } result)
                        {
                            yield return result;
                            yield break;
                        }
                    }
                }

                attempts = replayFrom == openedAfter ? attempts + 1 : 1;
                if (attempts > MaxReconnects)
                {
                    yield return turn.Failure(sessionId, time.GetElapsedTime(started), "Cloud Agent SSE stream closed before the current turn reached a terminal state.");
                    yield break;
                }

                await Task.Delay(ReconnectStep * attempts, time, cancellationToken).ConfigureAwait(false);
                response = await api.OpenEventStreamAsync(sessionId, replayFrom, flush, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task<string> ResolveSessionAsync(CloudAgentHttpApi api, CloudAgentOptions cloud, CancellationToken cancellationToken)
    {
        var session = cloud.Session!;
        if (session.Id is { } existing)
        {
            return existing;
        }

        var agent = cloud.Agent!;
        var agentId = agent.Id ?? await api.CreateAgentAsync(agent.CreateParams!, cancellationToken).ConfigureAwait(false);
        var create = session.CreateParams!;
        var body = new CloudSessionCreateBody(agentId, create.EnvironmentId, create.Title, create.Resources, create.VaultIds, create.MemoryStoreIds);
        return await api.CreateSessionAsync(body, cancellationToken).ConfigureAwait(false);
    }

    private static ResultMessage? Apply(CloudTurn turn, string type, JsonElement data, string sessionId, TimeSpan elapsed)
    {
        switch (type)
        {
            case CloudEventTypes.AgentMessage:
                turn.AddAgentMessage(data);
                return null;
            case CloudEventTypes.ModelRequestEnd:
                turn.AddModelRequestEnd(data);
                return null;
            case CloudEventTypes.Idle:
            case CloudEventTypes.Terminated:
                return turn.Success(sessionId, elapsed);
            case CloudEventTypes.Error:
                var error = CloudJson.String(data, "error")
                    ?? (CloudJson.Object(data, "error") is { } detail ? CloudJson.String(detail, "message") : null)
                    ?? "Cloud Agent session failed.";
                return turn.Failure(sessionId, elapsed, error);
            default:
                return null;
        }
    }

    private static JsonElement ParseData(string data)
    {
        if (data.Length == 0)
        {
            return JsonDocument.Parse("{}").RootElement;
        }

        try
        {
            using var document = JsonDocument.Parse(data);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(data, CloudAgentJsonContext.Default.String);
        }
    }

    /// <summary>Reads the stream's events, turning a connection that breaks mid-stream into a typed error.</summary>
    private static async IAsyncEnumerable<SseEvent> ReadEventsAsync(HttpResponseMessage response, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            var events = SseReader.ReadAsync(body, cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using (events.ConfigureAwait(false))
            {
                while (true)
                {
                    bool more;
                    try
                    {
                        more = await events.MoveNextAsync().ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
                    {
                        throw new QoderCloudAgentException(
                            "cloud_agent_stream_broken",
                            "The Cloud Agent event stream broke mid-read; run the query again with CloudAgentStreamOptions.AfterId set to the last event id received to replay from there.",
                            innerException: ex);
                    }

                    if (!more)
                    {
                        yield break;
                    }

                    yield return events.Current;
                }
            }
        }
    }
}
