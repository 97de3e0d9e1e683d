using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk.Sessions;

/// <summary>
/// Takes the CLI's <c>transcript_mirror</c> frames (from the read loop, in order) and appends their entries to the store:
/// per transcript in arrival order, batched or eager, one store call at a time. A failed append is logged, counted and
/// kept as a <see cref="MirrorErrorMessage"/> for the consumer; it never fails the turn.
/// </summary>
internal sealed class TranscriptMirror
{
    /// <summary>A transcript is drained once this many entries wait.</summary>
    public const int MaxPendingEntries = 500;

    /// <summary>A transcript is drained once this many bytes of entries wait.</summary>
    public const int MaxPendingBytes = 1024 * 1024;

    private readonly IQoderSessionStore _store;
    private readonly QoderSessionStoreFlush _mode;
    private readonly TimeSpan _appendTimeout;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();

    // Insertion-ordered, so that a flush appends transcripts in the order their first pending entry arrived.
    private readonly List<PendingTranscript> _pending = [];
    private readonly ConcurrentQueue<MirrorErrorMessage> _errors = new();
    private Task _tail = Task.CompletedTask;

    public TranscriptMirror(IQoderSessionStore store, QoderSessionStoreFlush mode, TimeSpan appendTimeout, ILogger logger)
    {
        _store = store;
        _mode = mode;
        _appendTimeout = appendTimeout;
        _logger = logger;
    }

    /// <summary>Takes one frame; the element is copied, so the caller may dispose its document.</summary>
    public void Enqueue(JsonElement frame)
    {
        var path = frame.TryGetProperty("filePath", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : null;
        if (path is null || !frame.TryGetProperty("entries", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            Reject(null, "the frame has no filePath or no entries array");
            return;
        }

        if (!TranscriptMirrorKey.TryParse(path, out var key, out var reason))
        {
            Reject(frame.TryGetProperty("session_id", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null, reason);
            return;
        }

        lock (_gate)
        {
            var pending = _pending.Find(t => t.Key == key);
            if (pending is null)
            {
                pending = new PendingTranscript(key);
                _pending.Add(pending);
            }

            foreach (var entry in entries.EnumerateArray())
            {
                var copy = entry.Clone();
                pending.Entries.Add(copy);
                pending.Bytes += Encoding.UTF8.GetByteCount(copy.GetRawText());
            }

            if (_mode == QoderSessionStoreFlush.Eager || pending.Entries.Count >= MaxPendingEntries || pending.Bytes >= MaxPendingBytes)
            {
                _pending.Remove(pending);
                Schedule(pending);
            }
        }
    }

    /// <summary>Appends everything that waits and completes when every append so far has ended (it never faults).</summary>
    public Task FlushAsync(CancellationToken cancellationToken)
    {
        Task tail;
        lock (_gate)
        {
            foreach (var pending in _pending)
            {
                Schedule(pending);
            }

            _pending.Clear();
            tail = _tail;
        }

        return tail.WaitAsync(cancellationToken);
    }

    /// <summary>Takes the errors not yet passed to the consumer.</summary>
    public bool TryTakeError(out MirrorErrorMessage error) => _errors.TryDequeue(out error!);

    private void Schedule(PendingTranscript pending)
    {
        if (pending.Entries.Count > 0)
        {
            _tail = AppendAfterAsync(_tail, pending.Key, pending.Entries);
        }
    }

    private async Task AppendAfterAsync(Task previous, QoderSessionKey key, List<JsonElement> entries)
    {
        // Always yields: the store is never called on the CLI's read loop or under the lock.
        await previous.ConfigureAwait(ConfigureAwaitOptions.ForceYielding | ConfigureAwaitOptions.SuppressThrowing);
        using var timeout = new CancellationTokenSource(_appendTimeout);
        try
        {
            // WaitAsync as well as the token: a store that ignores cancellation must not hold the turn's result for longer.
            await _store.AppendAsync(key, entries, timeout.Token).WaitAsync(_appendTimeout).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && timeout.IsCancellationRequested))
        {
            Fail(key, entries.Count, $"The session store did not append within {_appendTimeout}.", "timeout", null);
        }
        catch (Exception ex)
        {
            Fail(key, entries.Count, ex.Message, "append_failed", ex);
        }
    }

    private void Fail(QoderSessionKey key, int entryCount, string error, string kind, Exception? exception)
    {
        SessionStoreLog.AppendFailed(_logger, exception, entryCount, key.SessionId, key.Subpath, kind);
        SessionStoreMetrics.AppendFailed(kind);
        _errors.Enqueue(new MirrorErrorMessage { Type = "system", Error = error, Key = key, Uuid = Guid.NewGuid().ToString(), SessionId = key.SessionId });
    }

    private void Reject(string? sessionId, string reason)
    {
        SessionStoreLog.InvalidFrame(_logger, reason);
        SessionStoreMetrics.AppendFailed("invalid_frame");
        _errors.Enqueue(new MirrorErrorMessage
        {
            Type = "system",
            Error = $"Ignored a transcript_mirror frame: {reason}.",
            Uuid = Guid.NewGuid().ToString(),
            SessionId = sessionId,
        });
    }

    private sealed class PendingTranscript(QoderSessionKey key)
    {
        public QoderSessionKey Key { get; } = key;

        public List<JsonElement> Entries { get; } = [];

        public long Bytes { get; set; }
    }
}
