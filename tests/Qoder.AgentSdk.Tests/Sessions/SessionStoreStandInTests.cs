using System.Diagnostics.Metrics;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Sessions;
using Qoder.AgentSdk.Testing;

namespace Qoder.AgentSdk.Tests.Sessions;

/// <summary>The session store against the stand-in: mirroring, batching, failures, and resuming from the store in another home.</summary>
public sealed class SessionStoreStandInTests : StandInTestClass
{
    private readonly QoderInMemorySessionStore _store = new();

    [Fact]
    public async Task Mirrored_entries_reach_the_store_in_order_before_the_result_and_are_never_surfaced()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create().Reply("one").Reply("two"), o => o.SessionStore = _store);

        var first = await StandInHarness.TurnAsync(client, "alpha");
        var key = new QoderSessionKey(QoderProjectKey.FromDirectory(StandIn.Work), client.SessionId!);
        var afterFirst = await _store.LoadAsync(key);
        var second = await StandInHarness.TurnAsync(client, "beta");
        var afterSecond = await _store.LoadAsync(key);

        Assert.DoesNotContain(first.Concat(second), m => m.Type == "transcript_mirror");
        Assert.Contains("--session-mirror", StandIn.LastLaunch!.ReadRecording().Arguments);
        var transcript = await File.ReadAllLinesAsync(StandIn.LastLaunch!.ReadRecording().TranscriptPath!);
        Assert.Equal(transcript, afterSecond!.Select(e => e.GetRawText()));
        Assert.Equal(transcript.Take(afterFirst!.Count), afterFirst.Select(e => e.GetRawText()));
        Assert.Contains(afterFirst, e => e.GetProperty("type").GetString() == "last-prompt");
    }

    [Theory]
    [InlineData(QoderSessionStoreFlush.Batched, 1)]
    [InlineData(QoderSessionStoreFlush.Eager, 4)]
    public async Task Batched_mode_appends_once_per_result_and_eager_mode_once_per_frame(QoderSessionStoreFlush mode, int appends)
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create(), o =>
        {
            o.SessionStore = _store;
            o.SessionStoreFlush = mode;
        });

        await StandInHarness.TurnAsync(client, "alpha");

        // The stand-in mirrors a first turn as four frames: session header, prompt, answer, last prompt.
        Assert.Equal(appends, _store.AppendCount);
    }

    [Fact]
    public async Task A_transcript_with_500_waiting_entries_is_appended_before_the_result()
    {
        var client = await StandIn.ConnectAsync(
            QoderScenario.Create().Turn(t =>
            {
                for (var i = 0; i < TranscriptMirror.MaxPendingEntries; i++)
                {
                    t.Text($"block {i}");
                }
            }),
            o => o.SessionStore = _store);

        await StandInHarness.TurnAsync(client, "alpha");

        // 500 entries (header, prompt, 498 answers) drain at once; the rest at the result.
        Assert.Equal(2, _store.AppendCount);
        var stored = await _store.LoadAsync(new QoderSessionKey(QoderProjectKey.FromDirectory(StandIn.Work), client.SessionId!));
        Assert.Equal(await File.ReadAllLinesAsync(StandIn.LastLaunch!.ReadRecording().TranscriptPath!), stored!.Select(e => e.GetRawText()));
    }

    [Fact]
    public async Task A_failing_store_surfaces_a_mirror_error_and_a_metric_and_the_turn_succeeds()
    {
        var store = new FailingAppendStore();
        using var failures = new FailureCounter();
        var client = await StandIn.ConnectAsync(QoderScenario.Create().Reply("fine"), o => o.SessionStore = store);

        var messages = await StandInHarness.TurnAsync(client, "alpha");

        var error = Assert.Single(messages.OfType<MirrorErrorMessage>());
        Assert.Equal("store is down", error.Error);
        Assert.Equal(client.SessionId, error.Key!.SessionId);
        Assert.Null(error.Key.Subpath);
        Assert.Equal(client.SessionId, error.SessionId);
        Assert.True(messages.IndexOf(error) < messages.FindIndex(m => m is ResultMessage));
        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        Assert.Equal(1, store.Attempts);
        Assert.Contains(failures.Kinds, k => k == "append_failed");
        Assert.Contains("\"subtype\":\"mirror_error\"", error.ToJson(), StringComparison.Ordinal);
        Assert.Contains($"\"key\":{{\"projectKey\":\"{error.Key.ProjectKey}\",\"sessionId\":\"{client.SessionId}\"}}", error.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_that_never_answers_is_timed_out_and_the_turn_still_ends()
    {
        var store = new FailingAppendStore(hang: true);
        var client = await StandIn.ConnectAsync(QoderScenario.Create().Reply("fine"), o =>
        {
            o.SessionStore = store;
            o.SessionStoreAppendTimeout = TimeSpan.FromMilliseconds(200);
        });

        var messages = await StandInHarness.TurnAsync(client, "alpha");

        Assert.Contains("did not append within", Assert.Single(messages.OfType<MirrorErrorMessage>()).Error, StringComparison.Ordinal);
        Assert.IsType<ResultMessage>(messages[^1]);
    }

    [Theory]
    [InlineData(QoderScenario.MirrorFaultOutsideProjects)]
    [InlineData(QoderScenario.MirrorFaultInvalidSessionId)]
    [InlineData(QoderScenario.MirrorFaultMalformed)]
    public async Task A_frame_that_names_no_valid_transcript_is_reported_and_not_stored(string fault)
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create().WithMirrorFault(fault), o => o.SessionStore = _store);

        var messages = await StandInHarness.TurnAsync(client, "alpha");

        Assert.NotEmpty(messages.OfType<MirrorErrorMessage>());
        Assert.All(messages.OfType<MirrorErrorMessage>(), e => Assert.Null(e.Key));
        Assert.Equal(0, _store.AppendCount);
        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
    }

    [Fact]
    public async Task Resume_in_another_home_without_a_local_transcript_loads_the_history_from_the_store()
    {
        var first = await StandIn.ConnectAsync(QoderScenario.Create().Reply("noted"), o => o.SessionStore = _store);
        await StandInHarness.TurnAsync(first, "alpha");
        var sessionId = first.SessionId!;
        await first.DisposeAsync();

        using var otherHome = new TempDirectory();
        var second = await StandIn.ConnectAsync(QoderScenario.Create().Reply("seen: " + QoderScenario.PreviousPromptsPlaceholder), o =>
        {
            o.SessionStore = _store;
            o.Resume = sessionId;
            o.Environment["HOME"] = otherHome.Path;
        });
        var materialized = second.MaterializedConfigDirectory;
        var messages = await StandInHarness.TurnAsync(second, "beta");

        Assert.Equal(["seen: alpha"], messages.OfType<AssistantMessage>().SelectMany(m => m.Message.Content.OfType<TextBlock>()).Select(b => b.Text));
        Assert.Equal(sessionId, second.SessionId);
        var recording = StandIn.LastLaunch!.ReadRecording();
        Assert.Equal(sessionId, recording.Arguments[recording.Arguments.ToList().IndexOf("--resume") + 1]);
        Assert.Contains("QODER_CONFIG_DIR", recording.EnvironmentVariableNames);
        Assert.NotNull(materialized);
        Assert.StartsWith(materialized, recording.TranscriptPath!, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(otherHome.Path, ".qoder")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(materialized));
        }

        var stored = await _store.LoadAsync(new QoderSessionKey(QoderProjectKey.FromDirectory(StandIn.Work), sessionId));
        Assert.Contains(stored!, e => e.GetProperty("type").GetString() == "user" && e.GetRawText().Contains("beta", StringComparison.Ordinal));

        await second.DisposeAsync();
        Assert.False(Directory.Exists(materialized));
    }

    [Fact]
    public async Task Continue_with_a_store_resumes_the_newest_stored_session()
    {
        var older = await StandIn.ConnectAsync(QoderScenario.Create(), o => o.SessionStore = _store);
        await StandInHarness.TurnAsync(older, "old");
        await older.DisposeAsync();
        var newer = await StandIn.ConnectAsync(QoderScenario.Create(), o => o.SessionStore = _store);
        await StandInHarness.TurnAsync(newer, "new");
        var newest = newer.SessionId;
        await newer.DisposeAsync();

        using var otherHome = new TempDirectory();
        var resumed = await StandIn.ConnectAsync(QoderScenario.Create().Reply(QoderScenario.PreviousPromptsPlaceholder), o =>
        {
            o.SessionStore = _store;
            o.Continue = true;
            o.Environment["HOME"] = otherHome.Path;
        });
        var messages = await StandInHarness.TurnAsync(resumed, "next");

        Assert.Equal(newest, resumed.SessionId);
        Assert.Equal("new", messages.OfType<AssistantMessage>().SelectMany(m => m.Message.Content.OfType<TextBlock>()).Single().Text);
        var argv = StandIn.LastLaunch!.ReadRecording().Arguments;
        Assert.DoesNotContain("--continue", argv);
        Assert.Contains("--resume", argv);
    }

    [Fact]
    public async Task A_store_without_the_session_falls_back_to_the_local_transcript()
    {
        var first = await StandIn.ConnectAsync(QoderScenario.Create());
        await StandInHarness.TurnAsync(first, "alpha");
        var sessionId = first.SessionId!;
        await first.DisposeAsync();

        var second = await StandIn.ConnectAsync(QoderScenario.Create().Reply(QoderScenario.PreviousPromptsPlaceholder), o =>
        {
            o.SessionStore = _store;
            o.Resume = sessionId;
        });
        var messages = await StandInHarness.TurnAsync(second, "beta");

        Assert.Null(second.MaterializedConfigDirectory);
        Assert.DoesNotContain("QODER_CONFIG_DIR", StandIn.LastLaunch!.ReadRecording().EnvironmentVariableNames);
        Assert.Equal("alpha", messages.OfType<AssistantMessage>().SelectMany(m => m.Message.Content.OfType<TextBlock>()).Single().Text);
    }

    [Fact]
    public async Task Resuming_a_session_that_neither_the_store_nor_the_disk_holds_fails_the_start_with_exit_42()
    {
        var client = StandIn.Client(QoderScenario.Create(), o =>
        {
            o.SessionStore = _store;
            o.Resume = "5b3c1f2e-0000-4000-8000-0000000000ee";
        });

        var error = await Assert.ThrowsAsync<QoderProcessExitedException>(() => client.ConnectAsync().WaitAsync(StandInHarness.HangGuard));

        Assert.Equal(42, error.ExitCode);
        Assert.Contains("Invalid session identifier", error.StderrTail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_private_config_directory_is_deleted_when_the_resumed_cli_fails_to_start()
    {
        var first = await StandIn.ConnectAsync(QoderScenario.Create(), o => o.SessionStore = _store);
        await StandInHarness.TurnAsync(first, "alpha");
        var sessionId = first.SessionId!;
        await first.DisposeAsync();

        var failing = StandIn.Client(QoderScenario.Create().OnStartup(s => s.Crash(3, "fatal: simulated")), o =>
        {
            o.SessionStore = _store;
            o.Resume = sessionId;
        });

        await Assert.ThrowsAsync<QoderProcessExitedException>(() => failing.ConnectAsync().WaitAsync(StandInHarness.HangGuard));
        var transcript = StandIn.LastLaunch!.ReadRecording().TranscriptPath;
        Assert.NotNull(transcript);
        Assert.DoesNotContain(StandIn.Work, transcript, StringComparison.Ordinal);
        Assert.False(File.Exists(transcript));
        Assert.False(Directory.Exists(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(transcript)))));
    }

    [Fact]
    public async Task A_store_that_does_not_load_in_time_fails_the_start_with_a_typed_error()
    {
        var client = StandIn.Client(QoderScenario.Create(), o =>
        {
            o.SessionStore = new HangingLoadStore();
            o.Resume = "5b3c1f2e-0000-4000-8000-0000000000ff";
            o.SessionStoreLoadTimeout = TimeSpan.FromMilliseconds(200);
        });

        var error = await Assert.ThrowsAsync<QoderSessionStoreException>(() => client.ConnectAsync().WaitAsync(StandInHarness.HangGuard));

        Assert.Equal("5b3c1f2e-0000-4000-8000-0000000000ff", error.SessionId);
        Assert.Contains(nameof(QoderAgentOptions.SessionStoreLoadTimeout), error.Message, StringComparison.Ordinal);
        Assert.Null(StandIn.LastLaunch!.ReadRecording().ProcessId);
    }

    [Fact]
    public async Task A_store_with_session_persistence_off_is_a_configuration_error()
    {
        var client = StandIn.Client(QoderScenario.Create(), o =>
        {
            o.SessionStore = _store;
            o.PersistSession = false;
        });

        var error = await Assert.ThrowsAsync<QoderConfigurationException>(() => client.ConnectAsync().WaitAsync(StandInHarness.HangGuard));

        Assert.Equal(nameof(QoderAgentOptions.PersistSession), error.OptionName);
    }

    [Fact]
    public async Task A_one_shot_query_takes_the_store_through_its_options()
    {
        var messages = await StandInHarness.QueryAsync("alpha", StandIn.Options(QoderScenario.Create(), o => o.SessionStore = _store));

        var sessionId = Assert.IsType<ResultMessage>(messages[^1]).SessionId!;
        var stored = await _store.LoadAsync(new QoderSessionKey(QoderProjectKey.FromDirectory(StandIn.Work), sessionId));
        Assert.Contains(stored!, e => e.GetProperty("type").GetString() == "assistant");
    }

    /// <summary>Collects the failure kinds the SDK's meter reports while it lives.</summary>
    private sealed class FailureCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<string> _kinds = [];

        public FailureCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == QoderSessionStoreTelemetry.MeterName && instrument.Name == QoderSessionStoreTelemetry.AppendFailuresInstrument)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == QoderSessionStoreTelemetry.FailureTag)
                    {
                        lock (_kinds)
                        {
                            _kinds.Add((string)tag.Value!);
                        }
                    }
                }
            });
            _listener.Start();
        }

        public IReadOnlyList<string> Kinds
        {
            get
            {
                lock (_kinds)
                {
                    return [.. _kinds];
                }
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
