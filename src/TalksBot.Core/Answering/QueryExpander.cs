namespace TalksBot.Core.Answering;

/// <summary>
/// Adds the words a kind of answer is told with to the retrieval query: "Where were the talks held?" must reach
/// "Taking place at the historic venue in ...", which shares no word with it but "talks". Only for place questions:
/// adding every synonym of every question word pulled unrelated passages above the right ones.
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
}
