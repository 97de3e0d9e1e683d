using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Qoder.AgentSdk.Sessions;

namespace Qoder.AgentSdk.Tests.Sessions;

/// <summary>The in-memory store keeps the five-method contract.</summary>
public sealed class InMemorySessionStoreTests
{
    private const string Project = "-p";
    private const string A = "0f180acc-e51f-4ad5-b18b-8740fc2abd2f";
    private const string B = "2ce24127-ca61-4abd-be16-29a122e6d7b4";

    [Fact]
    public async Task Appends_are_loaded_back_in_order_and_an_unknown_key_loads_null()
    {
        var store = new QoderInMemorySessionStore();
        var key = new QoderSessionKey(Project, A);

        await store.AppendAsync(key, [Entry("1"), Entry("2")]);
        await store.AppendAsync(key, [Entry("3")]);

        Assert.Equal(["1", "2", "3"], (await store.LoadAsync(key))!.Select(e => e.GetProperty("n").GetString()));
        Assert.Null(await store.LoadAsync(new QoderSessionKey(Project, B)));
        Assert.Equal(2, store.AppendCount);
    }

    [Fact]
    public async Task Sessions_are_listed_per_project_with_the_time_of_their_last_main_append()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var store = new QoderInMemorySessionStore(clock);
        await store.AppendAsync(new QoderSessionKey(Project, A), [Entry("1")]);
        clock.Advance(TimeSpan.FromMinutes(1));
        await store.AppendAsync(new QoderSessionKey(Project, B), [Entry("1")]);
        clock.Advance(TimeSpan.FromMinutes(1));
        await store.AppendAsync(new QoderSessionKey(Project, A, "subagents/agent-1"), [Entry("1")]);
        await store.AppendAsync(new QoderSessionKey("-other", A), [Entry("1")]);

        var sessions = await store.ListSessionsAsync(Project);

        Assert.Equal(
            [new QoderStoredSession(A, clock.Start), new QoderStoredSession(B, clock.Start.AddMinutes(1))],
            sessions.OrderBy(s => s.ModifiedAt));
        Assert.Equal(["subagents/agent-1"], await store.ListSubkeysAsync(Project, A));
    }

    [Fact]
    public async Task Deleting_a_main_key_removes_its_subkeys_and_deleting_a_subkey_only_that()
    {
        var store = new QoderInMemorySessionStore();
        await store.AppendAsync(new QoderSessionKey(Project, A), [Entry("1")]);
        await store.AppendAsync(new QoderSessionKey(Project, A, "s/1"), [Entry("1")]);
        await store.AppendAsync(new QoderSessionKey(Project, A, "s/2"), [Entry("1")]);

        await store.DeleteAsync(new QoderSessionKey(Project, A, "s/1"));
        Assert.Equal(["s/2"], await store.ListSubkeysAsync(Project, A));

        await store.DeleteAsync(new QoderSessionKey(Project, A));
        Assert.Empty(await store.ListSubkeysAsync(Project, A));
        Assert.Null(await store.LoadAsync(new QoderSessionKey(Project, A)));
        Assert.Empty(await store.ListSessionsAsync(Project));
        await store.DeleteAsync(new QoderSessionKey(Project, B));
    }

    [Fact]
    public async Task Entries_are_copied_so_the_caller_may_dispose_its_document()
    {
        var store = new QoderInMemorySessionStore();
        using (var document = JsonDocument.Parse("""{"type":"user","n":"kept"}"""))
        {
            await store.AppendAsync(new QoderSessionKey(Project, A), [document.RootElement]);
        }

        Assert.Equal("kept", (await store.LoadAsync(new QoderSessionKey(Project, A)))![0].GetProperty("n").GetString());
    }

    private static JsonElement Entry(string n)
    {
        using var document = JsonDocument.Parse($$"""{"type":"user","n":"{{n}}"}""");
        return document.RootElement.Clone();
    }
}
