using System.Text.Json;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Testing;

namespace Qoder.AgentSdk.Tests.TypedControl;

/// <summary>The BYOK and remote projection requests against the stand-in: the request each method sends and the typed answer.</summary>
public sealed class ByokAndRemoteProjectionStandInTests : StandInTestClass
{
    private static readonly TimeSpan Guard = StandInHarness.HangGuard;

    [Fact]
    public async Task The_byok_catalog_is_typed_and_a_key_is_validated_with_the_fields_the_official_sdk_sends()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create());

        var providers = await client.ListByokProvidersAsync().WaitAsync(Guard);
        var good = await client.ValidateByokModelAsync(new QoderByokModelValidation { Provider = "deepseek", Model = "deepseek-chat", ApiKey = "sk-good" }).WaitAsync(Guard);
        var bad = await client.ValidateByokModelAsync(new QoderByokModelValidation { Provider = "deepseek", Model = "deepseek-chat", ApiKey = "nope", Url = "https://proxy.example" }).WaitAsync(Guard);
        await client.DisposeAsync();

        var provider = Assert.Single(providers!);
        Assert.Equal(("deepseek", "DeepSeek", "深度求索"), (provider.Key, provider.DisplayName, provider.LocalizedDisplayName!.CnZh));
        Assert.True(Assert.Single(provider.Fields).Mandatory);
        var model = Assert.Single(Assert.Single(provider.ModelGroups).Models);
        Assert.Equal(("deepseek-chat", true, 128000L, true), (model.Key, model.Reasoning, model.MaxInputTokens, model.SupportsDisabledThinking));
        Assert.Equal(["low", "high"], model.Efforts!);
        Assert.True(good);
        Assert.False(bad);

        var sent = Requests("validate_byok_model");
        Assert.Equal("sk-good", sent[0].GetProperty("api_key").GetString());
        Assert.False(sent[0].TryGetProperty("url", out _));
        Assert.Equal("https://proxy.example", sent[1].GetProperty("url").GetString());
    }

    [Fact]
    public async Task Byok_catalog_and_validation_are_null_when_the_cli_refuses_them()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create()
            .RefuseControl("get_byok_config", "BYOK is disabled")
            .RefuseControl("validate_byok_model", "upstream unavailable"));

        Assert.Null(await client.ListByokProvidersAsync().WaitAsync(Guard));
        Assert.Null(await client.ValidateByokModelAsync(new QoderByokModelValidation { Provider = "p", Model = "m", ApiKey = "sk-1" }).WaitAsync(Guard));
    }

    [Fact]
    public async Task Byok_configurations_are_created_listed_changed_checked_and_deleted()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create());
        var modelConfig = new QoderByokModelConfig
        {
            Provider = "deepseek",
            Model = "deepseek-chat",
            Parameters = new Dictionary<string, string> { ["api_key"] = "sk-secret" },
            ContextWindow = 64000,
        };
        var custom = new QoderByokCustomProvider
        {
            ProviderId = "local-llm",
            BaseUrl = "http://127.0.0.1:8080/v1",
            ApiKey = "sk-local",
            Protocol = "openai",
            Models = [new QoderByokCustomModel { Model = "llama", Capabilities = new JsonObject { ["tools"] = true } }],
        };

        var modelReference = await client.CreateByokConfigAsync(modelConfig).WaitAsync(Guard);
        var customReference = await client.CreateByokConfigAsync(custom).WaitAsync(Guard);
        await client.UpdateByokConfigAsync(new QoderByokModelConfigUpdate { Key = modelReference.Key!, DisplayName = "Mine" }).WaitAsync(Guard);
        await client.UpdateByokConfigAsync(new QoderByokCustomProvider { ProviderId = "local-llm", DisplayName = "Local" }).WaitAsync(Guard);
        var listed = await client.ListByokConfigsAsync().WaitAsync(Guard);
        var passed = await client.CheckByokConfigAsync(modelConfig).WaitAsync(Guard);
        var failed = await client.CheckByokConfigAsync(custom with { ApiKey = "wrong" }).WaitAsync(Guard);
        await client.DeleteByokConfigAsync(QoderByokConfigReference.ForProvider("local-llm")).WaitAsync(Guard);
        var after = await client.ListByokConfigsAsync().WaitAsync(Guard);
        var missing = await Assert.ThrowsAsync<QoderControlRequestException>(() => client.DeleteByokConfigAsync(QoderByokConfigReference.ForKey("nope")).WaitAsync(Guard));
        await client.DisposeAsync();

        Assert.Equal("deepseek/deepseek-chat", modelReference.Key);
        Assert.Equal("local-llm", customReference.ProviderId);
        Assert.Collection(
            listed,
            m => Assert.Equal(("Mine", false, 64000L), (m.DisplayName, m.IsCustomProvider, m.ContextWindow)),
            c => Assert.Equal(("Local", true, "openai"), (c.DisplayName, c.IsCustomProvider, c.Protocol)));
        Assert.True(passed.Success);
        Assert.Equal((false, "BYOK_CHECK_FAILED", 401), (failed.Success, failed.Code, failed.Details!.HttpStatus));
        Assert.Equal("deepseek/deepseek-chat", Assert.Single(after).Key);
        Assert.Equal("BYOK_CONFIG_NOT_FOUND", missing.Code);

        // The wire shapes: camelCase configs under "config", the delete target under "target", unset fields left out.
        var created = Requests("create_byok_config");
        Assert.Equal("sk-secret", created[0].GetProperty("config").GetProperty("parameters").GetProperty("api_key").GetString());
        Assert.Equal(64000, created[0].GetProperty("config").GetProperty("contextWindow").GetInt32());
        Assert.False(created[0].GetProperty("config").TryGetProperty("key", out _));
        Assert.True(created[1].GetProperty("config").GetProperty("models")[0].GetProperty("capabilities").GetProperty("tools").GetBoolean());
        var updateOfProvider = Requests("update_byok_config")[1].GetProperty("config");
        Assert.Equal(["providerId", "displayName"], updateOfProvider.EnumerateObject().Select(p => p.Name));
        Assert.Equal("local-llm", Requests("delete_byok_config")[0].GetProperty("target").GetProperty("providerId").GetString());
        Assert.DoesNotContain("sk-", listed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Byok_management_without_its_capability_throws_before_sending()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create().WithoutCapabilities("byok_config_management_v1"));

        var ex = await Assert.ThrowsAsync<QoderUnsupportedByCliException>(() => client.ListByokConfigsAsync());
        await Assert.ThrowsAsync<ArgumentException>(() => client.CreateByokConfigAsync(new QoderByokCustomProvider { ProviderId = "x" }));
        await client.DisposeAsync();

        Assert.Equal(("list_byok_configs", "byok_config_management_v1"), (ex.Subtype, ex.Capability));
        Assert.Empty(Requests("list_byok_configs"));
    }

    [Fact]
    public async Task Remote_projection_is_sent_under_the_reserved_request_id_and_gives_back_its_checkpoint()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create());

        var none = await client.DisableRemoteProjectionAsync().WaitAsync(Guard);
        await client.EnableRemoteProjectionAsync("remote-1", new QoderRemoteProjectionOptions { SkipInitialFlush = true, FromSequenceNumber = 41 }).WaitAsync(Guard);
        var checkpoint = await client.DisableRemoteProjectionAsync().WaitAsync(Guard);
        await Assert.ThrowsAsync<ArgumentException>(() => client.EnableRemoteProjectionAsync(" "));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.EnableRemoteProjectionAsync("r", new QoderRemoteProjectionOptions { FromSequenceNumber = 0 }));
        await client.DisposeAsync();

        Assert.Null(none);
        Assert.Equal(("remote-1", 42L), (checkpoint!.RemoteSessionId, checkpoint.LastSequenceNumber));
        var frames = StandIn.LastLaunch!.ReadRecording().FramesOfType("control_request")
            .Where(f => f.GetProperty("request").GetProperty("subtype").GetString()!.EndsWith("_remote_projection", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, frames.Count);
        Assert.All(frames, f => Assert.StartsWith("daemon_worker_sdk_", f.GetProperty("request_id").GetString(), StringComparison.Ordinal));
        var enable = frames[1].GetProperty("request");
        Assert.Equal(["subtype", "type", "remote_session_id", "skip_initial_flush", "from_sequence_num"], enable.EnumerateObject().Select(p => p.Name));
    }

    private List<JsonElement> Requests(string subtype) =>
        [.. StandIn.LastLaunch!.ReadRecording().FramesOfType("control_request")
            .Select(f => f.GetProperty("request"))
            .Where(r => r.GetProperty("subtype").GetString() == subtype)];
}
