using System.Text.Json;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Control.Typed;
using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk;

/// <summary>Titles, side questions and rewinds of the conversation, for any <see cref="IQoderClient"/>.</summary>
public static class QoderClientConversationExtensions
{
    /// <summary>Asks the model for a short title for the session (<c>generate_session_title</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="description">What the session is about.</param>
    /// <param name="persist">Whether the CLI should store the title with the session, when it supports that.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The title, or <see langword="null"/> when the model gave none.</returns>
    public static async Task<string?> GenerateSessionTitleAsync(this IQoderClient client, string description, bool? persist = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(description);
        var request = TypedControl.Request("generate_session_title");
        request["description"] = description;
        if (persist is { } value)
        {
            request["persist"] = value;
        }

        var body = await TypedControl.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
        return TypedControl.Field(body, "title") is { ValueKind: JsonValueKind.String } title ? title.GetString() : null;
    }

    /// <summary>
    /// Asks a one-off question with the conversation as context, without touching the main turn (<c>side_question</c>).
    /// Progress arrives as <see cref="ControlRequestProgressMessage"/>. The wait is bounded by
    /// <see cref="QoderAgentOptions.ControlRequestTimeout"/>.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="question">The question.</param>
    /// <param name="history">Earlier side questions and answers to include as context.</param>
    /// <param name="cancellationToken">Cancels this question only.</param>
    /// <returns>The answer, or <see langword="null"/> when the model gave none.</returns>
    /// <exception cref="QoderUnsupportedByCliException">The CLI lacks <c>side_question_v1</c>.</exception>
    public static async Task<QoderSideQuestionAnswer?> AskSideQuestionAsync(
        this IQoderClient client, string question, IEnumerable<QoderSideQuestionExchange>? history = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(question);
        TypedControl.Require(client, "side_question", "side_question_v1");
        var request = TypedControl.Request("side_question");
        request["question"] = question;
        if (history?.ToList() is { Count: > 0 } exchanges)
        {
            var array = new JsonArray();
            foreach (var exchange in exchanges)
            {
                array.Add(JsonSerializer.SerializeToNode(exchange, QoderControlJsonContext.Default.QoderSideQuestionExchange));
            }

            request["history"] = array;
        }

        var body = await TypedControl.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
        return TypedControl.Read(body, QoderControlJsonContext.Default.QoderSideQuestionAnswer) is { Response: not null } answer ? answer : null;
    }

    /// <summary>
    /// Rewinds the session to just before one of its user messages (<c>rewind</c>): the conversation, the files or both.
    /// The session must be idle. Send the edited message afterwards as a new message.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="userMessageId">The uuid of the user message (what <see cref="IQoderClient.SendAsync(string, CancellationToken)"/> returned).</param>
    /// <param name="scope">What to take back.</param>
    /// <param name="dryRun">Only report what would change (status <c>ready</c>).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The outcome; <c>rejected</c> (with <see cref="QoderRewindResult.Error"/>) when the session is busy.</returns>
    /// <exception cref="QoderUnsupportedByCliException">The CLI lacks <c>session_rewind_v1</c>.</exception>
    public static async Task<QoderRewindResult> RewindAsync(
        this IQoderClient client, string userMessageId, QoderRewindScope scope = QoderRewindScope.Both, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userMessageId);
        TypedControl.Require(client, "rewind", "session_rewind_v1");
        var request = TypedControl.Request("rewind");
        request["user_message_id"] = userMessageId;
        request["scope"] = scope switch
        {
            QoderRewindScope.Conversation => "conversation",
            QoderRewindScope.Files => "files",
            _ => "both",
        };
        if (dryRun)
        {
            request["dry_run"] = true;
        }

        var body = await TypedControl.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
        return TypedControl.Read(body, QoderControlJsonContext.Default.QoderRewindResult) ?? new QoderRewindResult();
    }

    /// <summary>
    /// Restores the files to their state before one of the user messages (<c>rewind_files</c>); needs file checkpointing
    /// (<c>EnableFileCheckpointing</c>). The conversation is not changed.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="userMessageId">The uuid of the user message.</param>
    /// <param name="dryRun">Only report whether and what could be restored.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>What was (or would be) restored; a dry run also reports <see cref="QoderRewindFilesResult.CanRewind"/> <see langword="false"/>.</returns>
    /// <exception cref="QoderControlRequestException">Not a dry run, and the CLI cannot restore the files (no checkpoint); the message says why.</exception>
    public static async Task<QoderRewindFilesResult> RewindFilesAsync(this IQoderClient client, string userMessageId, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userMessageId);
        var request = TypedControl.Request("rewind_files");
        request["user_message_id"] = userMessageId;
        if (dryRun)
        {
            request["dry_run"] = true;
        }

        var body = await TypedControl.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
        var result = TypedControl.Read(body, QoderControlJsonContext.Default.QoderRewindFilesResult) ?? new QoderRewindFilesResult();
        return dryRun || result.CanRewind
            ? result
            : throw new QoderControlRequestException("rewind_files", string.IsNullOrEmpty(result.Error) ? "Unable to rewind files." : result.Error);
    }
}
