using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Qoder.AgentSdk.CloudAgent;

/// <summary>
/// The Qoder Cloud API calls a query needs. Every request carries the token as a bearer header; a failed status becomes
/// a <see cref="QoderCloudAgentException"/> with at most <see cref="MaxErrorBodyChars"/> of the server's answer.
/// </summary>
internal sealed class CloudAgentHttpApi
{
    /// <summary>How much of a failed response is quoted in the exception.</summary>
    internal const int MaxErrorBodyChars = 8 * 1024;

    private readonly HttpClient _http;
    private readonly string _apiBase;
    private readonly string _token;
    private readonly Action? _onAuthExpired;
    private bool _authExpiredReported;

    internal CloudAgentHttpApi(HttpClient http, string apiBase, string token, Action? onAuthExpired)
    {
        _http = http;
        _apiBase = apiBase.TrimEnd('/');
        _token = token;
        _onAuthExpired = onAuthExpired;
    }

    /// <summary>Creates an agent and returns its id.</summary>
    internal async Task<string> CreateAgentAsync(AgentCreateParams create, CancellationToken cancellationToken)
    {
        using var response = await PostJsonAsync("/agents", create, CloudAgentJsonContext.Default.AgentCreateParams, cancellationToken).ConfigureAwait(false);
        return ReadId(response, "Cloud agent");
    }

    /// <summary>Creates a session for an agent and returns its id.</summary>
    internal async Task<string> CreateSessionAsync(CloudSessionCreateBody body, CancellationToken cancellationToken)
    {
        using var response = await PostJsonAsync("/sessions", body, CloudAgentJsonContext.Default.CloudSessionCreateBody, cancellationToken).ConfigureAwait(false);
        return ReadId(response, "Cloud session");
    }

    /// <summary>Sends events to a session and returns the turn id the server gave the first <c>user.message</c>, if any.</summary>
    internal async Task<string?> PostEventsAsync(string sessionId, IReadOnlyList<CloudSessionInputEvent> events, CancellationToken cancellationToken)
    {
        var path = $"/sessions/{Uri.EscapeDataString(sessionId)}/events";
        using var response = await PostJsonAsync(path, new CloudSessionEventsBody(events), CloudAgentJsonContext.Default.CloudSessionEventsBody, cancellationToken).ConfigureAwait(false);
        if (!response.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var item in data.EnumerateArray())
        {
            if (CloudJson.String(item, "type") == CloudEventTypes.UserMessage)
            {
                return CloudJson.String(item, "turn_id");
            }
        }

        return null;
    }

    /// <summary>Opens a session's event stream; the caller owns the response.</summary>
    internal async Task<HttpResponseMessage> OpenEventStreamAsync(string sessionId, string? afterId, TimeSpan? deltaFlushInterval, CancellationToken cancellationToken)
    {
        var query = new StringBuilder();
        if (!string.IsNullOrEmpty(afterId))
        {
            query.Append("?after_id=").Append(Uri.EscapeDataString(afterId));
        }

        if (deltaFlushInterval is { } interval)
        {
            query.Append(query.Length == 0 ? '?' : '&').Append("delta_flush_interval_ms=")
                .Append(((long)interval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
        }

        using var request = CreateRequest(HttpMethod.Get, $"/sessions/{Uri.EscapeDataString(sessionId)}/events/stream{query}", "text/event-stream");
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static string ReadId(JsonDocument response, string what) =>
        CloudJson.String(response.RootElement, "id")
        ?? throw new QoderCloudAgentException("cloud_agent_bad_response", $"{what} response did not include an id; check the API base address and the Cloud API version.");

    private async Task<JsonDocument> PostJsonAsync<T>(string path, T body, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(HttpMethod.Post, path, "application/json");
        request.Content = new StringContent(JsonSerializer.Serialize(body, typeInfo), Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
        }
        catch (JsonException)
        {
            return JsonDocument.Parse("{}");
        }
    }

    private HttpRequestMessage CreateRequest(HttpMethod method, string path, string accept)
    {
        var request = new HttpRequestMessage(method, new Uri(_apiBase + path, UriKind.Absolute));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        return request;
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var status = (int)response.StatusCode;
        if (status is 401 or 403 && !_authExpiredReported)
        {
            _authExpiredReported = true;
            _onAuthExpired?.Invoke();
        }

        var detail = await ReadErrorBodyAsync(response, cancellationToken).ConfigureAwait(false);
        if (detail.Length == 0)
        {
            detail = response.ReasonPhrase ?? "unknown error";
        }

        throw new QoderCloudAgentException(
            "cloud_agent_api_error",
            $"Cloud Agent API request failed with status {status.ToString(CultureInfo.InvariantCulture)}: {detail}",
            status);
    }

    private static async Task<string> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var reader = new StreamReader(stream, Encoding.UTF8);
                var buffer = new char[MaxErrorBodyChars];
                var total = 0;
                int read;
                while (total < buffer.Length && (read = await reader.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }

                return new string(buffer, 0, total);
            }
        }
        catch (HttpRequestException)
        {
            return string.Empty;
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}
