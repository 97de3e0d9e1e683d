namespace Qoder.AgentSdk;

/// <summary>One question the agent asks with the AskUserQuestion tool.</summary>
public sealed class QoderUserQuestion
{
    internal QoderUserQuestion(string question, string header, bool multiSelect, IReadOnlyList<QoderUserQuestionOption> options)
    {
        Question = question;
        Header = header;
        MultiSelect = multiSelect;
        Options = options;
    }

    /// <summary>Gets the question text; answers are keyed by it.</summary>
    public string Question { get; }

    /// <summary>Gets a short label for the question.</summary>
    public string Header { get; }

    /// <summary>Gets a value indicating whether several options may be chosen.</summary>
    public bool MultiSelect { get; }

    /// <summary>Gets the choices (two to four).</summary>
    public IReadOnlyList<QoderUserQuestionOption> Options { get; }
}
