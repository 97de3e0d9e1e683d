using Qoder.AgentSdk.Control.Typed;

namespace Qoder.AgentSdk;

/// <summary>Memory and skill evolution upkeep, for any <see cref="IQoderClient"/> whose CLI runs them for the SDK.</summary>
public static class QoderClientMemoryExtensions
{
    /// <summary>Waits until pending memory generation has finished (<c>flush_memory</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the memory is written.</returns>
    public static async Task FlushMemoryAsync(this IQoderClient client, CancellationToken cancellationToken = default) =>
        await TypedControl.SendAsync(client, TypedControl.Request("flush_memory"), cancellationToken).ConfigureAwait(false);

    /// <summary>Reloads the configured memory files without changing the configuration (<c>refresh_memory</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the files are reloaded.</returns>
    public static async Task RefreshMemoryAsync(this IQoderClient client, CancellationToken cancellationToken = default) =>
        await TypedControl.SendAsync(client, TypedControl.Request("refresh_memory"), cancellationToken).ConfigureAwait(false);

    /// <summary>Waits until a pending skill evolution review has finished (<c>flush_skill_evolution</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the review is done.</returns>
    /// <exception cref="QoderUnsupportedByCliException">The CLI lacks <c>skill_evolution_v1</c>.</exception>
    public static async Task FlushSkillEvolutionAsync(this IQoderClient client, CancellationToken cancellationToken = default)
    {
        TypedControl.Require(client, "flush_skill_evolution", "skill_evolution_v1");
        await TypedControl.SendAsync(client, TypedControl.Request("flush_skill_evolution"), cancellationToken).ConfigureAwait(false);
    }
}
