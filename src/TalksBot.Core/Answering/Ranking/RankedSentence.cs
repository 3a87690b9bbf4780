using TalksBot.Core.Retrieval;
using TalksBot.Core.Text;

namespace TalksBot.Core.Answering.Ranking;

/// <summary>A sentence of a retrieved passage read as a possible answer, with its features and, once ranked, its score.</summary>
/// <param name="Index">Its position among its passage's sentences, which is also the position of its stored vector.</param>
/// <param name="Neighbours">The sentences just before and after it in the same passage, if any.</param>
internal sealed record RankedSentence(
    RetrievedPassage Source,
    TextSegment Segment,
    int Index,
    IReadOnlyList<TextSegment> Neighbours,
    double[] Features)
{
    /// <summary>The ranker's linear score.</summary>
    public double Score { get; set; }

    /// <summary>The ranker's probability that this is the answer, among the question's candidates.</summary>
    public double Probability { get; set; }

    public string Text => Segment.Text;

    public string ArticleId => Source.Passage.ArticleId;
}
