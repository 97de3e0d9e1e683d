using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Testing;

namespace Qoder.AgentSdk.Tests.TypedControl;

/// <summary>The typed requests that change the session, its queue and its history, against the stand-in.</summary>
public sealed class SessionControlStandInTests : StandInTestClass
{
    private static readonly TimeSpan Guard = StandInHarness.HangGuard;

    [Fact]
    public async Task AddDirectoriesAsync_adds_existing_folders_and_names_the_missing_ones()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create());
        var extra = Directory.CreateDirectory(Path.Combine(StandIn.Work, "extra")).FullName;
        var missing = Path.Combine(StandIn.Work, "missing");

        var result = await client.AddDirectoriesAsync([extra, missing]).WaitAsync(Guard);

        Assert.Equal([extra], result.Added);
        var failure = Assert.Single(result.Failed);
        Assert.Equal(missing, failure.Path);
        Assert.Contains("does not exist", failure.Error, StringComparison.Ordinal);
        Assert.Equal(extra, result.Directories[^1]);
        Assert.Equal(2, result.Directories.Count);
    }

    [Fact]
    public async Task Setting_requests_are_accepted_and_the_session_goes_on()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create().Reply("still here"));

        await client.SetProxyAsync("http://127.0.0.1:3128").WaitAsync(Guard);
        await client.SetProxyAsync(null).WaitAsync(Guard);
        await client.SetMaxThinkingTokensAsync(2048).WaitAsync(Guard);
        await client.SetMaxThinkingTokensAsync(null).WaitAsync(Guard);
        await client.SeedReadStateAsync(Path.Combine(StandIn.Work, "a.txt"), TimeProvider.System.GetUtcNow()).WaitAsync(Guard);
        await client.FlushMemoryAsync().WaitAsync(Guard);
        await client.RefreshMemoryAsync().WaitAsync(Guard);
        await client.FlushSkillEvolutionAsync().WaitAsync(Guard);
        var messages = await StandInHarness.TurnAsync(client, "hi");

        Assert.Equal("still here", Assert.IsType<ResultMessage>(messages[^1]).Result);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.SetMaxThinkingTokensAsync(-1));
    }

    [Fact]
    public async Task EndSessionAsync_makes_the_cli_exit_cleanly()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create());

        await client.EndSessionAsync("done").WaitAsync(Guard);
        await client.Completion.WaitAsync(Guard);

        Assert.Equal(0, client.ExitCode);
    }

    [Fact]
    public async Task RewindAsync_rewinds_to_a_received_message_and_rejects_an_unknown_one()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create());
        var uuid = await client.SendAsync("first");
        await client.ReceiveResponseAsync().ToListAsync().AsTask().WaitAsync(Guard);

        var dry = await client.RewindAsync(uuid, QoderRewindScope.Conversation, dryRun: true).WaitAsync(Guard);
        var done = await client.RewindAsync(uuid).WaitAsync(Guard);
        var unknown = await client.RewindAsync("00000000-0000-0000-0000-000000000000").WaitAsync(Guard);

        Assert.Equal(("ready", "conversation", uuid), (dry.Status, dry.Scope, dry.TargetUserMessageId));
        Assert.Equal(("success", "both"), (done.Status, done.Scope));
        Assert.Equal([uuid], done.RemovedMessageIds!);
        Assert.Equal("rejected", unknown.Status);
        Assert.False(string.IsNullOrEmpty(unknown.Error));
    }

    [Fact]
    public async Task RewindFilesAsync_restores_a_received_message_and_throws_the_cli_reason_otherwise()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create());
        var uuid = await client.SendAsync("first");
        await client.ReceiveResponseAsync().ToListAsync().AsTask().WaitAsync(Guard);
        const string unknown = "00000000-0000-0000-0000-000000000000";

        var restored = await client.RewindFilesAsync(uuid).WaitAsync(Guard);
        var dry = await client.RewindFilesAsync(unknown, dryRun: true).WaitAsync(Guard);
        var error = await Assert.ThrowsAsync<QoderControlRequestException>(() => client.RewindFilesAsync(unknown).WaitAsync(Guard));

        Assert.True(restored.CanRewind);
        Assert.Equal(0, restored.Insertions);
        Assert.False(dry.CanRewind);
        Assert.Contains("no snapshot found", dry.Error, StringComparison.Ordinal);
        Assert.Equal("rewind_files", error.Subtype);
        Assert.Contains("no snapshot found", error.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateSessionTitleAsync_returns_the_title()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create());

        var title = await client.GenerateSessionTitleAsync("Fix the login bug in the web app today please", persist: false).WaitAsync(Guard);

        Assert.Equal("Fix the login bug in the", title);
    }

    [Fact]
    public async Task AskSideQuestionAsync_answers_and_reports_progress_for_its_request()
    {
        var scenario = QoderScenario.Create();
        scenario.DefaultReply = "Forty-two.";
        var client = await StandIn.ConnectAsync(scenario);

        var answer = await client.AskSideQuestionAsync("What is the answer?", [new QoderSideQuestionExchange { Question = "q", Response = "r" }]).WaitAsync(Guard);
        var messages = await StandInHarness.TurnAsync(client, "go on");

        Assert.Equal("Forty-two.", answer!.Response);
        Assert.False(answer.Synthetic);
        var progress = Assert.Single(messages.OfType<ControlRequestProgressMessage>());
        Assert.Equal("started", progress.Status);
        Assert.False(string.IsNullOrEmpty(progress.RequestId));
    }

    [Fact]
    public async Task Task_requests_are_accepted()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create());

        await client.StopTaskAsync("task-1").WaitAsync(Guard);

        Assert.True(await client.MoveTasksToBackgroundAsync().WaitAsync(Guard));
        Assert.True(await client.MoveTasksToBackgroundAsync("toolu_1").WaitAsync(Guard));
    }

    [Fact]
    public async Task CancelQueuedMessageAsync_is_false_for_a_message_no_longer_queued()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create());
        var uuid = await client.SendAsync("first");
        await client.ReceiveResponseAsync().ToListAsync().AsTask().WaitAsync(Guard);

        Assert.False(await client.CancelQueuedMessageAsync(uuid).WaitAsync(Guard));
    }

    [Fact]
    public async Task InterruptWithReceiptAsync_on_an_idle_session_has_an_empty_receipt()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create());

        var receipt = await client.InterruptWithReceiptAsync().WaitAsync(Guard);

        Assert.NotNull(receipt);
        Assert.Empty(receipt.StillQueued);
        Assert.Null(receipt.Cancelled);
    }

    [Fact]
    public async Task InterruptWithReceiptAsync_with_cancelQueued_cancels_the_queued_message()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create().Turn(t => t.WaitForInterrupt()));
        await client.SendAsync("first");
        var messages = client.ReceiveResponseAsync().GetAsyncEnumerator();
        await using (messages.ConfigureAwait(false))
        {
            while (await messages.MoveNextAsync().AsTask().WaitAsync(Guard) && messages.Current is not CommandLifecycleMessage { State: "started" })
            {
            }

            var queued = await client.SendAsync("second");
            var receipt = await client.InterruptWithReceiptAsync(cancelQueued: true).WaitAsync(Guard);

            Assert.NotNull(receipt);
            Assert.Empty(receipt.StillQueued);
            Assert.Equal([queued], receipt.Cancelled!);
        }
    }
}
