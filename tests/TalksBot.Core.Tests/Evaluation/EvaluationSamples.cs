using TalksBot.Core.Answering;
using TalksBot.Core.Articles;
using TalksBot.Core.Evaluation;
using TalksBot.Core.Passages;
using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Tests.Evaluation;

/// <summary>Builders for suite items and replies, so each test states only what it is about.</summary>
internal static class EvaluationSamples
{
    public static QaItem Answerable(
        string id = "q1", string[]? answers = null, string[]? sources = null, string[]? forbidden = null, string question = "Where were the talks held?") =>
        new(id, question, answers ?? ["Riyadh"], sources ?? ["a1"], true, forbidden ?? []);

    public static QaItem Unanswerable(string id = "u1", string[]? forbidden = null, string question = "What did the EU sign?") =>
        new(id, question, [], [], false, forbidden ?? []);

    public static AskResult Reply(
        string text,
        bool abstained = false,
        string[]? cited = null,
        string[]? retrieved = null,
        double latencyMs = 100,
        string answerer = "fake") =>
        new(
            "question",
            new Answer(text, abstained, [.. (cited ?? []).Select(Citation)], answerer),
            [.. (retrieved ?? []).Select(Retrieved)],
            TimeSpan.FromMilliseconds(latencyMs));

    public static AskResult Answer(string text, params string[] citedAndRetrieved) =>
        Reply(text, cited: citedAndRetrieved, retrieved: citedAndRetrieved);

    public static AskResult Abstention() => Reply("The articles don't say.", abstained: true);

    public static Citation Citation(string articleId, int index) =>
        new(index + 1, articleId, "Title " + articleId, null, null, Guid.NewGuid(), "A quoted sentence.", 0, 18);

    private static RetrievedPassage Retrieved(string articleId, int rank) =>
        new(new Passage(Guid.NewGuid(), articleId, 0, null, "Passage text.", 0, 13), new ArticleInfo(articleId, "Title", null, null, null), 1.0 / (rank + 1), rank);
}
