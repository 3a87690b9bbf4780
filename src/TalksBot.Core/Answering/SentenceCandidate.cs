using TalksBot.Core.Retrieval;
using TalksBot.Core.Text;

namespace TalksBot.Core.Answering;

/// <summary>A sentence of a retrieved passage that might answer the question, with its neighbours as context.</summary>
/// <param name="Segment">Offsets within the passage text.</param>
/// <param name="Context">Terms of the sentences just before and after, within the same passage: "He stated ..." needs the
/// name said just before; "Taking place in Riyadh, ..." finishes the sentence that gives the date.</param>
/// <param name="Next">The following sentence in the passage, if any.</param>
/// <param name="ContextSides">Sides the neighbouring sentences name.</param>
/// <param name="ArticleTerms">Terms of everything retrieved from the same article: the setting ("in Riyadh") is often told once.</param>
internal sealed record SentenceCandidate(
    RetrievedPassage Source,
    TextSegment Segment,
    IReadOnlySet<string> Terms,
    IReadOnlySet<string> Context,
    TextSegment? Next,
    IReadOnlyList<SideMention> Sides,
    IReadOnlyList<SideMention> ContextSides,
    IReadOnlySet<string> ArticleTerms)
{
    public string Text => Segment.Text;

    public string ArticleId => Source.Passage.ArticleId;
}
