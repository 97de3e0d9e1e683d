namespace Qoder.AgentSdk.Commands;

/// <summary>Feedback sent with <c>qodercli feedback</c>, a one-shot CLI run needing no session.</summary>
public static class QoderFeedback
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Submits feedback.</summary>
    /// <param name="feedback">The feedback.</param>
    /// <param name="options">How to start the CLI; <see langword="null"/> to find it as the client does.</param>
    /// <param name="cancellationToken">Cancels the run (the process is killed).</param>
    /// <returns>Whether it was accepted, the CLI's message, and the server's request id. A failure to submit is a result, not an exception.</returns>
    public static async Task<QoderFeedbackResult> SubmitAsync(QoderFeedbackRequest feedback, QoderCliCommandOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        if (string.IsNullOrEmpty(feedback.Content))
        {
            return new QoderFeedbackResult(false, "Feedback content is required", null);
        }

        CliCommandOutput output;
        try
        {
            output = await CliCommandRunner.RunAsync(Arguments(feedback), options, DefaultTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (QoderException ex)
        {
            return new QoderFeedbackResult(false, ex.Message, null);
        }

        return FeedbackOutput.Read(output);
    }

    private static List<string> Arguments(QoderFeedbackRequest feedback)
    {
        List<string> arguments = ["feedback", "-c", feedback.Content, "--json"];
        void Add(string flag, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                arguments.Add(flag);
                arguments.Add(value);
            }
        }

        Add("--storage-dir", feedback.StorageDirectory);
        Add("-s", feedback.SessionId);
        Add("--workdir", feedback.WorkingDirectory);
        Add("--email", feedback.Email);
        foreach (var path in feedback.Include)
        {
            Add("--include", path);
        }

        foreach (var path in feedback.ImagePaths)
        {
            Add("--images", path);
        }

        Add("--caller-version", feedback.CallerVersion);
        Add("--ide-type", feedback.IntegrationMode switch
        {
            "qoder_work" => "QoderWork",
            "quest" => "Quest",
            var other => other,
        });
        return arguments;
    }
}
