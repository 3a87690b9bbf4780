using TalksBot.Core.Text;

namespace TalksBot.Core.Answering;

/// <summary>
/// Adds the words a kind of answer is told with to the retrieval query: "Where were the talks held?" must reach
/// "Taking place at the historic venue in ...", which shares no word with it but "talks". Only for place questions:
/// adding every synonym of every question word pulled unrelated passages above the right ones. Synonyms and titles go
/// instead into a second search (<see cref="Rephrase"/>) whose results only add to the question's own.
/// </summary>
internal sealed class QueryExpander(Lexicon lexicon, QuestionAnalyzer analyzer)
{
    // People are told by their titles; one-word titles ("envoy", "minister") are the heads of the longer ones.
    private readonly List<string> _titles = [.. lexicon.Roles.Where(r => !r.Contains(' ', StringComparison.Ordinal))];

    public string Expand(string query)
    {
        if (analyzer.Analyze(query).Kind is not QuestionKind.Where)
        {
            return query;
        }

        var extra = lexicon.PlaceCues
            .Where(c => !lexicon.Stopwords.Contains(c) && !query.Contains(c, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        return extra.Count == 0 ? query : query + " " + string.Join(' ', extra);
    }

    /// <summary>
    /// A second search for the kind of answer asked for, besides the question's own: for a "when" question its words'
    /// synonyms ("talks begin" → "negotiations convened"), so an article that dates the same event in other words is read
    /// too and a disagreement between them can be told; for a "who" question that names no title, the question with
    /// the titles people are told by, so "Who represented Washington?" reaches "the American side was represented by
    /// Secretary of State ..." even where passages that repeat "Washington" outrank it. Null for other questions.
    /// </summary>
    public Rephrasing? Rephrase(string query)
    {
        var question = analyzer.Analyze(query);
        if (question.Kind is QuestionKind.Who)
        {
            // "Who is the president of Ukraine?" already says which title to look for.
            var terms = WordTokenizer.Terms(query).ToHashSet(StringComparer.Ordinal);
            return _titles.Any(t => terms.Contains(WordTokenizer.Stem(t)))
                ? null
                : new Rephrasing(query + " " + string.Join(' ', _titles), QuestionKind.Who);
        }

        if (question.Kind is not QuestionKind.When)
        {
            return null;
        }

        var stems = question.Terms.Where(t => !t.IsName).Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);
        var synonyms = lexicon.SynonymGroups
            .Where(g => g.Any(w => WordTokenizer.Terms(w).Any(stems.Contains)))
            .SelectMany(g => g)
            .Where(w => !WordTokenizer.Terms(w).Any(stems.Contains))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (synonyms.Count == 0)
        {
            return null;
        }

        // Month names are what a date is told with, as place cues are for a place.
        var months = lexicon.Months.GroupBy(m => m.Value).Select(g => g.MaxBy(m => m.Key.Length).Key);
        return new Rephrasing(string.Join(' ', question.Names.Concat(synonyms).Concat(months)), QuestionKind.When);
    }
}
