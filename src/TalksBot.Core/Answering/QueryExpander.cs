using TalksBot.Core.Text;

namespace TalksBot.Core.Answering;

/// <summary>
/// Adds the words a kind of answer is told with to the retrieval query: "Where were the talks held?" must reach
/// "Taking place at the historic venue in ...", which shares no word with it but "talks". Only for place questions:
/// adding every synonym of every question word pulled unrelated passages above the right ones. Synonyms go instead
/// into a second search (<see cref="Rephrase"/>) whose results only add to the question's own.
/// </summary>
internal sealed class QueryExpander(Lexicon lexicon, QuestionAnalyzer analyzer)
{
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
    /// For a "when" question, its words' synonyms ("talks begin" → "negotiations convened"), searched besides the question
    /// so an article that dates the same event in other words is read too and a disagreement between them can be told;
    /// null for other questions and when no word has a synonym.
    /// </summary>
    public string? Rephrase(string query)
    {
        var question = analyzer.Analyze(query);
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
        return string.Join(' ', question.Names.Concat(synonyms).Concat(months));
    }
}
