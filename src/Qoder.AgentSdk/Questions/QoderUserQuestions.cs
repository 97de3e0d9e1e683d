using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qoder.AgentSdk;

/// <summary>
/// The questions of an AskUserQuestion tool call, read from its permission request, and the way to answer them: allow
/// the call with the input plus <c>answers</c> (question text → chosen label, several labels joined with <c>", "</c>).
/// The CLI then returns the answers to the model as the tool's result.
/// </summary>
public sealed class QoderUserQuestions
{
    /// <summary>The tool's name.</summary>
    public const string ToolName = "AskUserQuestion";

    private readonly JsonElement _input;

    private QoderUserQuestions(JsonElement input, IReadOnlyList<QoderUserQuestion> questions)
    {
        _input = input;
        Questions = questions;
    }

    /// <summary>Gets the questions, in order.</summary>
    public IReadOnlyList<QoderUserQuestion> Questions { get; }

    /// <summary>Reads the questions of a permission request for AskUserQuestion.</summary>
    /// <param name="request">The permission request.</param>
    /// <param name="questions">The questions, when the request is for AskUserQuestion with a valid input.</param>
    /// <returns>Whether the request asks the user questions.</returns>
    public static bool TryParse(QoderToolPermissionRequest request, [NotNullWhen(true)] out QoderUserQuestions? questions)
    {
        ArgumentNullException.ThrowIfNull(request);
        questions = null;
        if (request.ToolName != ToolName || request.Input.ValueKind != JsonValueKind.Object
            || !request.Input.TryGetProperty("questions", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var list = new List<QoderUserQuestion>();
        foreach (var item in items.EnumerateArray())
        {
            var text = HookJson.String(item, "question");
            if (text is null)
            {
                return false;
            }

            var options = new List<QoderUserQuestionOption>();
            if (item.TryGetProperty("options", out var choices) && choices.ValueKind == JsonValueKind.Array)
            {
                foreach (var choice in choices.EnumerateArray())
                {
                    if (HookJson.String(choice, "label") is { } label)
                    {
                        options.Add(new QoderUserQuestionOption(label, HookJson.String(choice, "description") ?? string.Empty, HookJson.String(choice, "preview")));
                    }
                }
            }

            list.Add(new QoderUserQuestion(text, HookJson.String(item, "header") ?? string.Empty, HookJson.Bool(item, "multiSelect") ?? false, options));
        }

        questions = new QoderUserQuestions(request.Input, list);
        return true;
    }

    /// <summary>Answers with one label (or free text) per question.</summary>
    /// <param name="answers">Question text → answer. Questions left out count as unanswered.</param>
    /// <returns>An allow decision whose updated input carries the answers.</returns>
    public QoderToolPermissionResult Answer(IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var input = JsonNode.Parse(_input.GetRawText())!.AsObject();
        var map = new JsonObject();
        foreach (var question in Questions)
        {
            if (answers.TryGetValue(question.Question, out var answer))
            {
                map[question.Question] = answer;
            }
        }

        input["answers"] = map;
        return QoderToolPermissionResult.Allow(JsonSerializer.SerializeToElement(input, Protocol.QoderJsonContext.Default.JsonObject));
    }

    /// <summary>Answers each question with the labels <paramref name="choose"/> picks (several only for multi-select questions).</summary>
    /// <param name="choose">Picks the labels for a question; an empty list leaves it unanswered.</param>
    /// <returns>An allow decision whose updated input carries the answers.</returns>
    public QoderToolPermissionResult Answer(Func<QoderUserQuestion, IReadOnlyList<string>> choose)
    {
        ArgumentNullException.ThrowIfNull(choose);
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in Questions)
        {
            var labels = choose(question);
            if (labels.Count > 1 && !question.MultiSelect)
            {
                throw new ArgumentException($"The question \"{question.Question}\" allows one answer.", nameof(choose));
            }

            if (labels.Count > 0)
            {
                answers[question.Question] = string.Join(", ", labels);
            }
        }

        return Answer(answers);
    }
}
