using System.Net;
using System.Text;

namespace Qoder.AgentSdk.Tests.CloudAgent;

/// <summary>A scripted Qoder Cloud API: answers each request from a queue of responders and records what it received.</summary>
internal sealed class FakeCloudApi : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _responses = new();

    public List<RecordedRequest> Requests { get; } = [];

    public FakeCloudApi Json(string json, HttpStatusCode status = HttpStatusCode.OK)
    {
        _responses.Enqueue(() => new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
        return this;
    }

    public FakeCloudApi Sse(string body) => SseStream(() => new MemoryStream(Encoding.UTF8.GetBytes(body)));

    public FakeCloudApi SseStream(Func<Stream> body)
    {
        _responses.Enqueue(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body()) });
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new RecordedRequest(
            request.Method.Method,
            request.RequestUri!.PathAndQuery,
            request.Headers.Authorization?.ToString(),
            string.Join(",", request.Headers.Accept),
            body));
        return _responses.Count > 0
            ? _responses.Dequeue()()
            : throw new InvalidOperationException($"Unexpected request {request.Method} {request.RequestUri}");
    }

    /// <summary>What one request carried.</summary>
    internal sealed record RecordedRequest(string Method, string PathAndQuery, string? Authorization, string Accept, string? Body);
}
