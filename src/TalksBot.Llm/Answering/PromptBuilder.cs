using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.SemanticKernel.ChatCompletion;
using TalksBot.Core.Answering;
using TalksBot.Core.Retrieval;

namespace TalksBot.Llm.Answering;

/// <summary>
/// The conversation sent to the model: the system message rendered from <see cref="AnswerPrompt"/>, earlier turns as
/// user/assistant messages, the question last. Passages and questions sit inside tags and are declared data, so an
/// article or a user saying "ignore your instructions" is quoted material, not a command.
/// </summary>
internal static partial class PromptBuilder
{
    /// <summary>What the model must reply, alone, when the passages do not answer the question.</summary>
    public const string Sentinel = "NOT_IN_ARTICLES";

    public static ChatHistory History(string systemMessage, AnswerRequest request, int maxHistoryTurns)
    {
        ArgumentNullException.ThrowIfNull(request);
        var history = new ChatHistory();
        history.AddSystemMessage(systemMessage);
        foreach (var turn in request.History.TakeLast(maxHistoryTurns))
        {
            history.AddUserMessage(Question(turn.Question));
            // Earlier answers' [n] pointed at earlier passages; left in, they would be read as citations of today's list.
            history.AddAssistantMessage(turn.Answer.Abstained ? Sentinel : ReplyVerifier.StripMarkers(turn.Answer.Text));
        }

        history.AddUserMessage(Question(request.Question));
        return history;
    }

    /// <summary>Numbered <c>&lt;passage&gt;</c> elements, for the prompt and for the search tool's results.</summary>
    public static string Passages(IEnumerable<(int Number, RetrievedPassage Passage)> passages)
    {
        var builder = new StringBuilder();
        foreach (var (number, retrieved) in passages)
        {
            var published = retrieved.Article.Published is { } date
                ? $" published=\"{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\""
                : string.Empty;
            builder.Append(CultureInfo.InvariantCulture, $"<passage number=\"{number}\" title=\"{Neutralise(retrieved.Article.Title).Replace('"', '\'')}\"{published}>\n");
            builder.Append(Neutralise(retrieved.Passage.Text.Trim())).Append("\n</passage>\n");
        }

        return builder.ToString().TrimEnd('\n');
    }

    private static string Question(string question) => $"<question>\n{Neutralise(question.Trim())}\n</question>";

    // Text that imitates our delimiters could close the data block early and smuggle instructions after it.
    private static string Neutralise(string text) => DelimiterTag().Replace(text, "‹$1");

    [GeneratedRegex(@"<(/?\s*(?:passages?|question)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DelimiterTag();
}
