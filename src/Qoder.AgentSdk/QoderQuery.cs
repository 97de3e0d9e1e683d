using System.Runtime.CompilerServices;
using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk;

/// <summary>One-shot queries: start a CLI, send one prompt, stream its messages up to the result, stop the CLI.</summary>
public static class QoderQuery
{
    /// <summary>
    /// Runs one prompt and streams its messages up to and including the main turn's <see cref="ResultMessage"/>; a
    /// subagent's result does not end it. When the CLI exits cleanly before the result the stream just ends; a failed exit
    /// throws (see <see cref="QoderClient.ReceiveResponseAsync"/>).
    /// </summary>
    /// <param name="prompt">The prompt.</param>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Interrupts the turn and stops the CLI.</param>
    /// <returns>The messages.</returns>
    public static async IAsyncEnumerable<QoderMessage> RunAsync(
        string prompt,
        QoderAgentOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var client = new QoderClient(options ?? new QoderAgentOptions());
        await using (client.ConfigureAwait(false))
        {
            await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
            await client.SendAsync(prompt, cancellationToken).ConfigureAwait(false);
            await foreach (var message in client.ReceiveResponseAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return message;
            }
        }
    }
}
