using System.Text.Json.Nodes;
using Qoder.AgentSdk.Control.Typed;
using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk;

/// <summary>Typed control requests that change the running session's settings, for any <see cref="IQoderClient"/>.</summary>
public static class QoderClientSettingsExtensions
{
    /// <summary>Sets or clears the CLI's network proxy (<c>set_proxy</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="proxy">An <c>http://</c>, <c>https://</c>, <c>socks5://</c> or <c>socks://</c> URL; <see langword="null"/> or empty clears it.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the CLI has switched.</returns>
    public static async Task SetProxyAsync(this IQoderClient client, string? proxy, CancellationToken cancellationToken = default)
    {
        var request = TypedControl.Request("set_proxy");
        request["proxy"] = string.IsNullOrEmpty(proxy) ? null : proxy;
        await TypedControl.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds directories to this session's workspace (<c>add_directories</c>); no settings file is written.</summary>
    /// <param name="client">The client.</param>
    /// <param name="directories">The directories.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>What was added, what was refused and why, and the workspace now.</returns>
    public static async Task<QoderAddDirectoriesResult> AddDirectoriesAsync(this IQoderClient client, IEnumerable<string> directories, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directories);
        var request = TypedControl.Request("add_directories");
        request["directories"] = TypedControl.Strings(directories);
        var body = await TypedControl.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
        return TypedControl.Read(body, QoderControlJsonContext.Default.QoderAddDirectoriesResult) ?? new QoderAddDirectoriesResult();
    }

    /// <summary>Applies settings as if given with <c>--settings</c> (<c>apply_flag_settings</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="settings">The settings object, such as <c>{"effort":"high"}</c>; it is copied.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The settings the CLI applies at once, or <see langword="null"/> when it does not say.</returns>
    public static async Task<QoderAppliedFlagSettings?> ApplyFlagSettingsAsync(this IQoderClient client, JsonObject settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var request = TypedControl.Request("apply_flag_settings");
        request["settings"] = settings.DeepClone();
        var body = await TypedControl.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
        return TypedControl.Read(body, "applied", QoderControlJsonContext.Default.QoderAppliedFlagSettings);
    }

    /// <summary>Sets the thinking budget of the following model calls (<c>set_max_thinking_tokens</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="maxThinkingTokens">The budget in tokens, or <see langword="null"/> for the CLI's default.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the CLI has switched.</returns>
    public static async Task SetMaxThinkingTokensAsync(this IQoderClient client, int? maxThinkingTokens, CancellationToken cancellationToken = default)
    {
        if (maxThinkingTokens is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxThinkingTokens), maxThinkingTokens, "The thinking budget cannot be negative.");
        }

        var request = TypedControl.Request("set_max_thinking_tokens");
        request["max_thinking_tokens"] = maxThinkingTokens;
        await TypedControl.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Tells the CLI that a file was already read at a given modification time (<c>seed_read_state</c>), so that an edit
    /// of a resumed session does not first require a read.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="path">The file path.</param>
    /// <param name="modifiedAt">The file's modification time when it was read.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the CLI has recorded it.</returns>
    public static async Task SeedReadStateAsync(this IQoderClient client, string path, DateTimeOffset modifiedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var request = TypedControl.Request("seed_read_state");
        request["path"] = path;
        request["mtime"] = modifiedAt.ToUnixTimeMilliseconds();
        await TypedControl.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
    }
}
