using TalksBot.Core.Text;

namespace TalksBot.Core.Answering;

/// <summary>
/// The dates a sentence gives the very event a question asks about. A sentence dates "the talks began" when it tells
/// that event in a phrase of its own ("began direct negotiations", "convened for pivotal negotiations", "the talks
/// between the U.S. and Russia began") with the date beside it; "convened for negotiations aimed at ... addressing the
/// long-standing conflict" names a conflict but does not date its beginning.
/// </summary>
internal sealed class EventDating(TermMatcher matcher, EntityFinder entities, IReadOnlySet<string> stopwords)
{
    // Content words allowed inside the event's phrase that are not the question's own ("direct", "pivotal").
    private const int MaxGap = 2;

    // Content words allowed between the date and the event: "On February 18, 2025, high-ranking officials ... convened".
    private const int MaxDateDistance = 4;

    public IReadOnlyList<DateMention> Dates(QuestionAnalysis question, SentenceCandidate candidate)
    {
        // Words of a relative clause ("the talks that began in Riyadh") say which event is meant; neighbouring sentences
        // may tell them, as they may tell the names (the venue told just after the date).
        var eventTerms = question.Terms.Where(t => !t.IsName && !t.Identifies).Select(t => t.Stem).Distinct(StringComparer.Ordinal).ToList();
        var named = question.Terms.Where(t => t.IsName || t.Identifies)
            .All(t => matcher.Matches(t.Stem, candidate.Terms) || matcher.Matches(t.Stem, candidate.Context));
        var dates = entities.Dates(candidate.Text);
        if (eventTerms.Count == 0 || !named || dates.Count == 0)
        {
            return [];
        }

        var words = ContentWords(candidate, dates, eventTerms);
        return Phrase(words, eventTerms.Count) is { } phrase
            ? [.. dates.Where(d => Distance(words, phrase, d) <= MaxDateDistance)]
            : [];
    }

    // The sentence's content words in order, each with the event terms it tells. Dates and side names are neither.
    private List<EventWord> ContentWords(SentenceCandidate candidate, IReadOnlyList<DateMention> dates, List<string> eventTerms) =>
        [.. RawTokenizer.Tokens(candidate.Text)
            .Where(t => !dates.Any(d => t.Start < d.End && t.End > d.Start) && !candidate.Sides.Any(s => t.Start < s.End && t.End > s.Start))
            .Where(t => WordTokenizer.Words(t.Text).Any(w => !stopwords.Contains(w)))
            .Select(t =>
            {
                var terms = WordTokenizer.Terms(t.Text).ToHashSet(StringComparer.Ordinal);
                return new EventWord(t.Start, t.End, [.. Enumerable.Range(0, eventTerms.Count).Where(i => matcher.Matches(eventTerms[i], terms))]);
            })];

    // The tightest run of content words that tells every event term, if few enough other words stand inside it.
    private static (int First, int Last)? Phrase(List<EventWord> words, int termCount)
    {
        (int First, int Last)? best = null;
        var bestGap = int.MaxValue;
        for (var first = 0; first < words.Count; first++)
        {
            if (words[first].Tells.Count == 0)
            {
                continue;
            }

            var told = new HashSet<int>();
            var gap = 0;
            for (var last = first; last < words.Count && gap <= MaxGap; last++)
            {
                if (words[last].Tells.Count == 0)
                {
                    gap++;
                    continue;
                }

                told.UnionWith(words[last].Tells);
                if (told.Count == termCount)
                {
                    if (gap < bestGap)
                    {
                        (best, bestGap) = ((first, last), gap);
                    }

                    break;
                }
            }
        }

        return best;
    }

    private static int Distance(List<EventWord> words, (int First, int Last) phrase, DateMention date)
    {
        var start = words[phrase.First].Start;
        var end = words[phrase.Last].End;
        return date.End <= start ? words.Count(w => w.Start >= date.End && w.End <= start)
            : date.Start >= end ? words.Count(w => w.Start >= end && w.End <= date.Start)
            : 0;
    }

    private sealed record EventWord(int Start, int End, IReadOnlyList<int> Tells);
}
