namespace TalksBot.Core.Answering.Ranking;

/// <summary>
/// What the abstention model reads about a ranked question: how strongly and how clearly the best sentence won, how
/// much of the question it covers, and whether it lacks a name or figure the question gave (the typical unanswerable
/// question names an entity or relation the best sentence does not hold).
/// </summary>
internal static class AbstentionFeatures
{
    public static readonly IReadOnlyList<string> Names =
    [
        "top_probability", "top_margin", "top_lexical", "top_lexical_with_neighbours", "top_semantic",
        "top_entities_missing", "top_answer_type", "answer_type_asked", "best_semantic", "best_lexical", "question_terms",
        "top_rarest_term_missing", "top_bigram_match", "second_probability", "fewest_entities_missing",
        "negation_unmatched", "person_missing",
    ];

    /// <param name="ranked">Candidates sorted best first, scored.</param>
    public static double[] Of(QuestionContext question, IReadOnlyList<RankedSentence> ranked)
    {
        var top = ranked[0].Features;
        return
        [
            ranked[0].Probability,
            ranked.Count > 1 ? ranked[0].Score - ranked[1].Score : 5,
            top[0],
            top[1],
            top[3],
            top[12],
            Math.Max(top[8], top[9]),
            question.Answers == AnswerType.None ? 0 : 1,
            ranked.Max(r => r.Features[3]),
            ranked.Max(r => r.Features[0]),
            Math.Log(1 + question.Terms.Count),
            top[20],
            top[16],
            ranked.Count > 1 ? ranked[1].Probability : 0,
            // A name or figure of the question that no candidate holds even with its neighbours ("Olaf Scholz", "in
            // Geneva", "on February 25"): the question is about something the articles do not tell.
            ranked.Min(r => r.Features[12]),
            // "Which city did not host the talks?" over a sentence that says which did: a negation the question adds and
            // the best sentence's passage lacks is how many unanswerable questions are made from answerable ones.
            Negated(question.Text) && !Negated(ranked[0].Source.Passage.Text) ? 1 : 0,
            // "What did Marco Rubio say ...?" over a sentence where someone else says it: a person the question names,
            // none of whose names the best sentence or its neighbours hold, is the usual swap that makes a question unanswerable.
            PersonMissing(question, ranked[0]) ? 1 : 0,
        ];
    }

    private static bool PersonMissing(QuestionContext question, RankedSentence top)
    {
        var people = AnswerTypeDetector.People(question.Text).ToList();
        if (people.Count == 0)
            return false;
        var near = top.Neighbours.Append(top.Segment).SelectMany(s => Text.WordTokenizer.Terms(s.Text)).ToHashSet(StringComparer.Ordinal);
        // A name typed with a slip ("Witkof") is still the same person.
        return people.Any(name => !Text.WordTokenizer.Terms(name).Any(t => QuestionReader.IsContentWord(t) && near.Any(w => Spelling.Matches(t, w))));
    }

    private static bool Negated(string text) =>
        RawTokenizer.Tokens(text).Any(t => Negations.Contains(t.Lower) || t.Lower.EndsWith("n't", StringComparison.Ordinal));

    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal) { "not", "never", "no", "none", "neither", "nor", "without", "cannot" };
}
