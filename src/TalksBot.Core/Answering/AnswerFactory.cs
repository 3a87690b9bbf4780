using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Answering;

/// <summary>Builds answers, abstentions and citations in one shape for every path of the extractive answerer.</summary>
internal static class AnswerFactory
{
    public const string AnswererName = "extractive";

    public const string NotCoveredText = "The articles don't cover that, so I can't answer it from them.";

    public const string RefusedText = "I can only answer questions about what the articles say, and they don't cover that.";

    public static Answer Abstain(string text = NotCoveredText) => new(text, true, [], AnswererName);

    public static Answer Answer(string text, IReadOnlyList<Citation> citations) => new(text, false, citations, AnswererName);

    /// <summary>Cites <paramref name="source"/>[<paramref name="start"/>..<paramref name="end"/>] (passage offsets) with article offsets.</summary>
    public static Citation Cite(int number, RetrievedPassage source, int start, int end)
    {
        var passage = source.Passage;
        return new Citation(
            number,
            passage.ArticleId,
            source.Article.Title,
            source.Article.Url,
            source.Article.Published,
            passage.Id,
            passage.Text[start..end],
            passage.Start + start,
            passage.Start + end);
    }

    public static Citation Cite(int number, SentenceCandidate candidate) =>
        Cite(number, candidate.Source, candidate.Segment.Start, candidate.Segment.End);
}
