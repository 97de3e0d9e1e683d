using System.Runtime.CompilerServices;
using Qoder.AgentSdk.Input;
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
    /// <remarks>With <see cref="QoderAgentOptions.ExperimentalCloudAgent"/> set no CLI is started: the prompt runs on the Qoder Cloud API (<see cref="CloudAgent.QoderCloudAgent.QueryAsync"/>).</remarks>
    public static async IAsyncEnumerable<QoderMessage> RunAsync(
        string prompt,
        QoderAgentOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (options?.ExperimentalCloudAgent is not null)
        {
            await foreach (var message in CloudAgent.QoderCloudAgent.QueryAsync(prompt, options, cancellationToken).ConfigureAwait(false))
            {
                yield return message;
            }

            yield break;
        }

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
    /// <summary>Runs one structured message (text and images, uuid, priority, …) as <see cref="RunAsync(string, QoderAgentOptions?, CancellationToken)"/> runs a prompt.</summary>
    /// <param name="input">The message.</param>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Interrupts the turn and stops the CLI.</param>
    /// <returns>The messages.</returns>
    public static async IAsyncEnumerable<QoderMessage> RunAsync(
        QoderUserInput input,
        QoderAgentOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var client = new QoderClient(options ?? new QoderAgentOptions());
        await using (client.ConfigureAwait(false))
        {
            await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
            await client.SendAsync(input, cancellationToken).ConfigureAwait(false);
            await foreach (var message in client.ReceiveResponseAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return message;
            }
        }
    }

    /// <summary>
    /// Streams messages to one CLI as the official <c>query()</c> streams an async iterable: each input is sent as soon
    /// as <paramref name="inputs"/> yields it (while earlier turns are still running: a message sent during a turn joins
    /// it, or waits, as its priority says), and every message the CLI writes is streamed back. The stream ends once
    /// <paramref name="inputs"/> has ended and every input sent has been answered (its turn's result, and the CLI's
    /// <c>command_lifecycle</c> that closes it); then the CLI is stopped. An exception from <paramref name="inputs"/>
    /// ends the stream with that exception.
    /// </summary>
    /// <param name="inputs">The messages; the enumeration runs beside the receiving, so it may wait for results.</param>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Interrupts the turn, stops the enumeration of <paramref name="inputs"/> and stops the CLI.</param>
    /// <returns>The messages.</returns>
    public static async IAsyncEnumerable<QoderMessage> RunAsync(
        IAsyncEnumerable<QoderUserInput> inputs,
        QoderAgentOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var client = new QoderClient(options ?? new QoderAgentOptions());
        await using (client.ConfigureAwait(false))
        {
            await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
            var stream = new StreamedInputs(client, inputs);
            await foreach (var message in stream.RunAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return message;
            }
        }
    }
}
