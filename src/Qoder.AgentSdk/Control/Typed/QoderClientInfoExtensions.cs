using System.Text.Json;
using Qoder.AgentSdk.Control.Typed;
using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk;

/// <summary>
/// Typed read-only queries of the session (models, context, usage, account, commands, agents, settings, skills, plugins)
/// for any <see cref="IQoderClient"/>. Except for the commands and agents, the CLI answers them after the running turn.
/// </summary>
public static class QoderClientInfoExtensions
{
    /// <summary>Gets the model catalog (<c>get_models</c>): context windows, reasoning efforts, thinking settings, prices.</summary>
    /// <param name="client">The client.</param>
    /// <param name="fetchStrategy">Whether the CLI fetches the catalog now or uses its cache.</param>
    /// <param name="uid">The user whose catalog to read, when the host serves several.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The models; empty when the CLI has no catalog (offline, or before login).</returns>
    public static async Task<IReadOnlyList<QoderModelInfo>> GetAvailableModelsAsync(
        this IQoderClient client, QoderModelFetchStrategy fetchStrategy = QoderModelFetchStrategy.Default, string? uid = null, CancellationToken cancellationToken = default)
    {
        var request = TypedControl.Request("get_models");
        if (fetchStrategy != QoderModelFetchStrategy.Default)
        {
            request["fetchStrategy"] = fetchStrategy == QoderModelFetchStrategy.Live ? "live" : "cache";
        }

        if (uid is not null)
        {
            request["uid"] = uid;
        }

        var body = await TypedControl.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
        return TypedControl.Read(body, "models", QoderControlJsonContext.Default.IReadOnlyListQoderModelInfo) ?? [];
    }

    /// <summary>Gets what fills the context window (<c>get_context_usage</c>), as the <c>/context</c> command shows it.</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The context usage.</returns>
    public static async Task<QoderContextUsage> GetContextUsageAsync(this IQoderClient client, CancellationToken cancellationToken = default)
    {
        var body = await TypedControl.SendAsync(client, TypedControl.Request("get_context_usage"), cancellationToken).ConfigureAwait(false);
        return TypedControl.Read(body, QoderControlJsonContext.Default.QoderContextUsage) ?? new QoderContextUsage();
    }

    /// <summary>Gets the account quota and the credits of this session (<c>get_usage_info</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The usage; <see cref="QoderUsageInfo.Account"/> is <see langword="null"/> without a login.</returns>
    public static async Task<QoderUsageInfo> GetUsageInfoAsync(this IQoderClient client, CancellationToken cancellationToken = default)
    {
        var body = await TypedControl.SendAsync(client, TypedControl.Request("get_usage_info"), cancellationToken).ConfigureAwait(false);
        return TypedControl.Read(body, QoderControlJsonContext.Default.QoderUsageInfo) ?? new QoderUsageInfo();
    }

    /// <summary>
    /// Gets the account the CLI runs as (<c>account_info</c>), asked afresh because the CLI fills it in after a login; when
    /// the CLI reports nothing, the account of the <c>initialize</c> response.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The account; every field is <see langword="null"/> without a login.</returns>
    public static async Task<QoderAccountInfo> GetAccountInfoAsync(this IQoderClient client, CancellationToken cancellationToken = default)
    {
        var body = await TypedControl.SendAsync(client, TypedControl.Request("account_info"), cancellationToken).ConfigureAwait(false);
        return TypedControl.Field(body, "account") is { ValueKind: JsonValueKind.Object } account && account.EnumerateObject().Any()
            ? account.Deserialize(QoderControlJsonContext.Default.QoderAccountInfo)!
            : client.InitializationResult?.Account ?? new QoderAccountInfo();
    }

    /// <summary>Gets the slash commands the session offers: those of <c>initialize</c>, or of the latest <c>commands_changed</c>.</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Unused: the list is already known; kept for symmetry with the other queries.</param>
    /// <returns>The commands.</returns>
    /// <exception cref="InvalidOperationException">The client has no <c>initialize</c> response (not connected, or an implementation that does not keep it).</exception>
    public static Task<IReadOnlyList<QoderSlashCommand>> GetSupportedCommandsAsync(this IQoderClient client, CancellationToken cancellationToken = default) =>
        Task.FromResult(RequireInitialized(client).Commands);

    /// <summary>Gets the subagents the session can start, from the <c>initialize</c> response.</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Unused: the list is already known; kept for symmetry with the other queries.</param>
    /// <returns>The agents.</returns>
    /// <exception cref="InvalidOperationException">The client has no <c>initialize</c> response.</exception>
    public static Task<IReadOnlyList<QoderAgentInfo>> GetSupportedAgentsAsync(this IQoderClient client, CancellationToken cancellationToken = default) =>
        Task.FromResult(RequireInitialized(client).Agents);

    /// <summary>Gets the CLI's settings (<c>get_settings</c>): each source, the merged result and what is applied at once.</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The settings.</returns>
    public static async Task<QoderSettingsSnapshot> GetSettingsAsync(this IQoderClient client, CancellationToken cancellationToken = default)
    {
        var body = await TypedControl.SendAsync(client, TypedControl.Request("get_settings"), cancellationToken).ConfigureAwait(false);
        return TypedControl.Read(body, QoderControlJsonContext.Default.QoderSettingsSnapshot) ?? new QoderSettingsSnapshot();
    }

    /// <summary>Rescans the skills and returns them (<c>reload_skills</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The skills, as slash commands.</returns>
    /// <exception cref="QoderUnsupportedByCliException">The CLI lacks <c>reload_skills_v1</c>.</exception>
    public static async Task<IReadOnlyList<QoderSlashCommand>> ReloadSkillsAsync(this IQoderClient client, CancellationToken cancellationToken = default)
    {
        TypedControl.Require(client, "reload_skills", "reload_skills_v1");
        var body = await TypedControl.SendAsync(client, TypedControl.Request("reload_skills"), cancellationToken).ConfigureAwait(false);
        return TypedControl.Read(body, "skills", QoderControlJsonContext.Default.IReadOnlyListQoderSlashCommand) ?? [];
    }

    /// <summary>Reloads the plugins (<c>reload_plugins</c>) and returns the commands, agents, plugins and MCP servers now.</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The state after the reload.</returns>
    public static async Task<QoderReloadPluginsResult> ReloadPluginsAsync(this IQoderClient client, CancellationToken cancellationToken = default)
    {
        var body = await TypedControl.SendAsync(client, TypedControl.Request("reload_plugins"), cancellationToken).ConfigureAwait(false);
        return TypedControl.Read(body, QoderControlJsonContext.Default.QoderReloadPluginsResult) ?? new QoderReloadPluginsResult();
    }

    /// <summary>Lists the plugins with their details (<c>list_plugins</c>), as the CLI describes them.</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>One JSON object per plugin.</returns>
    public static async Task<IReadOnlyList<JsonElement>> ListPluginsAsync(this IQoderClient client, CancellationToken cancellationToken = default)
    {
        var body = await TypedControl.SendAsync(client, TypedControl.Request("list_plugins"), cancellationToken).ConfigureAwait(false);
        return TypedControl.Read(body, "plugins", QoderControlJsonContext.Default.IReadOnlyListJsonElement) ?? [];
    }

    private static QoderInitializeResult RequireInitialized(IQoderClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.InitializationResult
            ?? throw new InvalidOperationException("The client has no initialize response: connect it first.");
    }
}
