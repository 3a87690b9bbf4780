using System.Text.RegularExpressions;
using TalksBot.Core.Text;

namespace TalksBot.Core.Answering;

/// <summary>
/// Picks the sentence that best answers the question — covering its rare content words, about the side it asks
/// about, holding the kind of thing it asks for — and states it briefly; abstains when nothing is supported enough.
/// </summary>
internal sealed partial class SentenceAnswerer(TermMatcher matcher, EntityFinder entities, EventDating events, IReadOnlySet<string> speechVerbs, double threshold)
{
    // Text answers stay short enough to read in a chat reply; the citation carries the whole sentence.
    private const int MaxAnswerLength = 300;

    // A word found only in the sentence before ("He stated ..." after the name) counts for part of its weight.
    private const double ContextCredit = 0.6;

    // A word told elsewhere in the same article's retrieved text ("in Riyadh") counts for less again.
    private const double ArticleCredit = 0.4;

    private const int ShortSentence = 80;

    public Answer Answer(QuestionAnalysis question, IReadOnlyList<SentenceCandidate> candidates)
    {
        if (question.Terms.Count == 0 || candidates.Count == 0)
        {
            return AnswerFactory.Abstain();
        }

        // A question about someone or something the retrieved text never names is about something else.
        if (question.Terms.Where(t => t.IsName).Any(t => !candidates.Any(c => matcher.Matches(t.Stem, c.Terms))))
        {
            return AnswerFactory.Abstain();
        }

        var ranked = Rank(question, candidates);
        var best = ranked.FirstOrDefault();
        if (best is null || best.Coverage < threshold)
        {
            return AnswerFactory.Abstain();
        }

        if (question.Kind is QuestionKind.When && Conflicting(question, ranked) is var (first, second))
        {
            return SourcesDiffer(first.Candidate, second.Candidate);
        }

        var chosen = best.Candidate;
        var text = question.Kind switch
        {
            QuestionKind.WhoIs => RoleAnswer(question, chosen),
            QuestionKind.Who => WhoAnswer(question, chosen),
            _ => null,
        };
        if (text is not null)
        {
            return AnswerFactory.Answer(text, [AnswerFactory.Cite(1, chosen)]);
        }

        // A short topic sentence ("Significant obstacles remain.") is answered by the sentence that follows it.
        if (chosen.Text.Length < ShortSentence && chosen.Next is { } next && question.Kind is QuestionKind.What or QuestionKind.Why or QuestionKind.Which)
        {
            var span = chosen.Source.Passage.Text[chosen.Segment.Start..next.End];
            return AnswerFactory.Answer(Shorten(span, question), [AnswerFactory.Cite(1, chosen.Source, chosen.Segment.Start, next.End)]);
        }

        return AnswerFactory.Answer(Shorten(chosen.Text, question), [AnswerFactory.Cite(1, chosen)]);
    }

    /// <summary>Candidates that hold the kind of answer asked for, best first.</summary>
    internal List<ScoredCandidate> Rank(QuestionAnalysis question, IReadOnlyList<SentenceCandidate> candidates)
    {
        var weights = question.Terms.ToDictionary(t => t, t => Weight(t, candidates));
        return [.. candidates
            .Select(c => Score(question, c, weights))
            .OfType<ScoredCandidate>()
            .OrderByDescending(s => s.Score)];
    }

    // Rarer words across the retrieved sentences say more about which sentence answers. A word found nowhere in them
    // is most likely what the question is really about, so it weighs double: missing it means the articles don't say.
    private double Weight(QueryTerm term, IReadOnlyList<SentenceCandidate> candidates)
    {
        var df = candidates.Count(c => matcher.Matches(term.Stem, c.Terms));
        var idf = Math.Log(1 + (double)candidates.Count / (1 + df));
        return term.IsName ? idf * 1.5 : df == 0 ? idf * 1.5 : idf;
    }

    private ScoredCandidate? Score(QuestionAnalysis question, SentenceCandidate candidate, Dictionary<QueryTerm, double> weights)
    {
        double total = 0, covered = 0, contentTotal = 0, contentCovered = 0;
        foreach (var (term, weight) in weights)
        {
            var credit = matcher.Matches(term.Stem, candidate.Terms) ? 1
                : matcher.Matches(term.Stem, candidate.Context) ? (term.Identifies ? 1 : ContextCredit)
                : matcher.Matches(term.Stem, candidate.ArticleTerms) ? ArticleCredit : 0;
            total += weight;
            covered += weight * credit;
            if (!term.IsName)
            {
                contentTotal += weight;
                contentCovered += weight * credit;
            }
        }

        // Names alone do not answer: "Which football team does Marco Rubio support?" finds Rubio but not what is asked.
        if (contentTotal > 0 && contentCovered < contentTotal * 0.5)
        {
            return null;
        }

        var sideFactor = 1.0;
        if (question.Side is { } side)
        {
            // The side the question is about counts like an average word: "the U.S. position" needs the U.S.
            var sideWeight = total / weights.Count;
            total += sideWeight;
            if (candidate.Sides.Any(s => s.Side == side))
            {
                covered += sideWeight;
                sideFactor = 1.15;
            }
            else if (candidate.ContextSides.Any(s => s.Side == side))
            {
                covered += sideWeight * ContextCredit;
            }
            else if (candidate.Sides.Count > 0 && !candidate.Sides.Any(s => question.Sides.Contains(s.Side)))
            {
                sideFactor = 0.6;
            }
            else
            {
                sideFactor = 0.9;
            }
        }

        var typeFactor = TypeFactor(question, candidate);
        if (typeFactor <= 0)
        {
            return null;
        }

        var coverage = total == 0 ? 0 : covered / total;

        // Of two sentences that cover the question alike, the one that says what is asked beats the one that names who.
        var contentFactor = contentTotal == 0 ? 1 : 0.6 + (0.4 * contentCovered / contentTotal);
        var rankFactor = 1 + (0.05 / (1 + candidate.Source.Rank));
        // Coverage squared: what a sentence says outweighs what kind of sentence it is.
        return new ScoredCandidate(candidate, coverage, coverage * coverage * contentFactor * sideFactor * typeFactor * rankFactor);
    }

    // 0 rules a sentence out: a "when" question needs a date, a "who is" question the person with a role, and so on.
    private double TypeFactor(QuestionAnalysis question, SentenceCandidate candidate)
    {
        var text = candidate.Text;
        switch (question.Kind)
        {
            case QuestionKind.When:
                var since = question.Text.Contains("since", StringComparison.OrdinalIgnoreCase);
                return entities.Dates(text).Count > 0 ? 1.2 : entities.HasRelativeDate(text.ToLowerInvariant(), since) ? 1.0 : 0;
            case QuestionKind.Where:
                return entities.PlaceStrength(text, question.Names) switch { 3 => 1.55, 2 => 1.4, 1 => 1.1, _ => 0 };
            case QuestionKind.HowMany:
                return EntityFinder.HasNumber(text) ? 1.2 : 0;
            case QuestionKind.Duration:
                return EntityFinder.HasDuration(text) ? 1.2 : 0;
            case QuestionKind.WhoIs:
                return NamedPerson(question, candidate) is { Role: not null } ? 1.5 : 0;
            case QuestionKind.Quote:
                return QuoteFactor(question, candidate);
            case QuestionKind.Who:
                return WhoFactor(question, candidate);
            case QuestionKind.Which:
                return NewProperNoun(question, text) ? 1.15 : 1.0;
            case QuestionKind.Why:
                return CausePattern().IsMatch(text) ? 1.2 : 1.0;
            case QuestionKind.Condition:
                return ConditionalPattern().IsMatch(text) ? 1.3 : 0.8;
            default:
                return 1.0;
        }
    }

    // People of the side asked about rank first, the more so when their title is the one asked about
    // ("the Kremlin's foreign minister" is the Foreign Minister, not the Deputy Foreign Minister).
    private double WhoFactor(QuestionAnalysis question, SentenceCandidate candidate)
    {
        var people = entities.Persons(candidate.Text);
        if (question.Side is { } side)
        {
            var ours = people.Where(p => SideOf(p, candidate) == side).ToList();
            if (ours.Count > 0)
            {
                return 1.3 + RoleFit(question, ours) + GroupFit(question, ours);
            }

            if (people.Any(p => SideOf(p, candidate) is null))
            {
                return 1.1 + RoleFit(question, people);
            }

            return !question.WantsPerson && candidate.Sides.Any(s => s.Side == side) && NewProperNoun(question, candidate.Text) ? 0.9 : 0;
        }

        return people.Count > 0 ? 1.3 + RoleFit(question, people) + GroupFit(question, people) : !question.WantsPerson && NewProperNoun(question, candidate.Text) ? 0.9 : 0;
    }

    // "Which officials made up the delegation?" asks for several people: the sentence that lists them beats one that
    // mentions a single member in passing, even if that one's title fits the question's words better.
    private static double GroupFit(QuestionAnalysis question, IReadOnlyList<PersonMention> people) =>
        question.WantsPerson && people.Count >= 2 && PluralPeoplePattern().IsMatch(question.Text) ? 0.4 : 0;

    // +0.3 when someone holds exactly the title asked about; -0.3 when the only match is a longer title
    // ("Deputy Foreign Minister" for "foreign minister"), which names someone else.
    private double RoleFit(QuestionAnalysis question, IReadOnlyList<PersonMention> people)
    {
        if (people.Any(p => RoleMatches(question, p)))
        {
            return 0.3;
        }

        var asked = question.Terms.Where(t => entities.IsRoleWord(t.Stem)).Select(t => t.Stem).ToList();
        return asked.Count > 0 && people.Any(p => p.Role is { } role && asked.All(a => WordTokenizer.Terms(role).Contains(a))) ? -0.3 : 0;
    }

    private bool RoleMatches(QuestionAnalysis question, PersonMention person)
    {
        if (person.Role is null)
        {
            return false;
        }

        // Side words in a title ("Ukrainian President") are matched as the side, not as words of the title.
        var asked = question.Terms.Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);
        var role = WordTokenizer.Words(person.Role).Where(w => w.Length > 2 && !entities.IsSideWord(w)).Select(WordTokenizer.Stem).ToList();
        return role.Count > 0 && role.All(r => matcher.Matches(r, asked));
    }

    // The speaker must come before what is said: "Zelensky said ..." or "He stated, \"...\"" after a sentence naming him;
    // "Zelenskyy is willing to talk with President Putin" says nothing Putin said.
    private double QuoteFactor(QuestionAnalysis question, SentenceCandidate candidate)
    {
        var text = candidate.Text;
        var quote = EntityFinder.QuotationStart(text);
        var speech = SpeechVerbStart(text);
        var said = quote >= 0 ? quote : speech;
        if (said < 0)
        {
            return 0;
        }

        var before = WordTokenizer.Terms(text[..said]).ToHashSet(StringComparer.Ordinal);
        if (NamesIn(question, before))
        {
            return quote >= 0 ? 1.3 : 1.0;
        }

        var pronoun = PronounPattern().IsMatch(text[..said]);
        return quote >= 0 && pronoun && NamesIn(question, candidate.Context) ? 1.3 : 0;
    }

    // Compared as written, not stemmed: "stated" and "States" share a stem.
    private int SpeechVerbStart(string text)
    {
        foreach (var token in RawTokenizer.Tokens(text))
        {
            if (speechVerbs.Contains(token.Lower))
            {
                return token.Start;
            }
        }

        return -1;
    }

    private bool NamesIn(QuestionAnalysis question, IReadOnlySet<string> terms)
    {
        var names = question.Terms.Where(t => t.IsName).ToList();
        return names.Count > 0 && names.Any(t => matcher.Matches(t.Stem, terms));
    }

    private static bool NewProperNoun(QuestionAnalysis question, string text) =>
        EntityFinder.ProperNouns(text).Any(t => !question.Text.Contains(t.Text, StringComparison.OrdinalIgnoreCase));

    private PersonMention? NamedPerson(QuestionAnalysis question, SentenceCandidate candidate)
    {
        var wanted = question.Names.SelectMany(WordTokenizer.Words).Select(WordTokenizer.Stem).ToList();
        return entities.Persons(candidate.Text)
            .Where(p => WordTokenizer.Terms(p.Name).Any(n => wanted.Any(w => w == n || TermMatcher.IsVariant(w, n))))
            .OrderByDescending(p => p.Role is not null)
            .FirstOrDefault();
    }

    // A person belongs to the side named last before them in the sentence ("the American side was represented by ...");
    // with none before, to the sentence's only side ("Deputy Foreign Minister Sergei Ryabkov emphasized that Russia ...").
    private static string? SideOf(PersonMention person, SentenceCandidate candidate)
    {
        var before = candidate.Sides.LastOrDefault(s => s.End <= person.Start).Side;
        if (before is not null)
        {
            return before;
        }

        var named = candidate.Sides.Select(s => s.Side).Distinct().ToList();
        return named.Count == 1 ? named[0] : null;
    }

    private string? RoleAnswer(QuestionAnalysis question, SentenceCandidate candidate)
    {
        if (NamedPerson(question, candidate) is not { Role: { } role } person)
        {
            return null;
        }

        var article = role.StartsWith("the ", StringComparison.OrdinalIgnoreCase) || role.StartsWith("a ", StringComparison.OrdinalIgnoreCase) ? "" : "the ";
        return $"{person.Name} is {article}{role}.";
    }

    // Leads with the person; never lets a person of the other side stand in the answer to "who led the U.S. side".
    private string? WhoAnswer(QuestionAnalysis question, SentenceCandidate candidate)
    {
        var people = entities.Persons(candidate.Text);
        if (people.Count == 0)
        {
            return null;
        }

        var ours = question.Side is { } side ? people.Where(p => SideOf(p, candidate) is null || SideOf(p, candidate) == side).ToList() : people;
        if (ours.Count == 0)
        {
            return null;
        }

        var lead = ours
            .OrderByDescending(p => RoleMatches(question, p))
            .ThenByDescending(p => question.Side is not null && SideOf(p, candidate) == question.Side)
            .First();
        var others = people.Except(ours).ToList();
        var sentence = Shorten(candidate.Text, question);
        if (others.Count == 0 && sentence.Length + lead.Name.Length + 3 <= MaxAnswerLength)
        {
            return sentence.Contains(lead.Name, StringComparison.Ordinal) && sentence.StartsWith(lead.Name, StringComparison.Ordinal)
                ? sentence
                : $"{lead.Name}: {sentence}";
        }

        return string.Join("; ", ours.Select(p => p.Role is null ? p.Name : $"{p.Role} {p.Name}")) + ".";
    }

    // Two articles that both support the question about as well as the best sentence, each dating the event asked about,
    // with dates that cannot both be true: say so rather than pick one. The best sentence need not be one of the two:
    // "early February" agrees with both "February 16" and "February 18", which still disagree with each other.
    private (ScoredCandidate First, ScoredCandidate Second)? Conflicting(QuestionAnalysis question, List<ScoredCandidate> ranked)
    {
        var best = ranked[0];
        var dated = ranked
            .Where(o => o.Coverage >= threshold && o.Coverage >= best.Coverage * 0.85)
            .Select(o => (Scored: o, Dates: events.Dates(question, o.Candidate)))
            .Where(o => o.Dates.Count > 0)
            .ToList();
        for (var i = 0; i < dated.Count; i++)
        {
            foreach (var other in dated.Skip(i + 1))
            {
                if (other.Scored.Candidate.ArticleId != dated[i].Scored.Candidate.ArticleId
                    && other.Dates.All(d => dated[i].Dates.All(d.Contradicts)))
                {
                    return (dated[i].Scored, other.Scored);
                }
            }
        }

        return null;
    }

    private static Answer SourcesDiffer(SentenceCandidate first, SentenceCandidate second) =>
        AnswerFactory.Answer(
            $"Sources differ. One article: “{Clip(first.Text, 115)}” [1]. Another: “{Clip(second.Text, 115)}” [2].",
            [AnswerFactory.Cite(1, first), AnswerFactory.Cite(2, second)]);

    private static string Clip(string text, int max)
    {
        var clean = StripOpener(text).TrimEnd('.');
        if (clean.Length <= max)
        {
            return clean;
        }

        var cut = clean.LastIndexOf(' ', max - 1);
        return clean[..(cut > 0 ? cut : max)] + "…";
    }

    /// <summary>The sentence without a leading connective, cut to the clauses that hold the question's words when too long.</summary>
    internal string Shorten(string sentence, QuestionAnalysis question)
    {
        var text = StripOpener(sentence);
        if (text.Length <= MaxAnswerLength)
        {
            return text;
        }

        var clauses = ClausePattern().Split(text).Where(c => c.Length > 0).ToList();
        var scores = clauses
            .Select(c => question.Terms.Count(t => matcher.Matches(t.Stem, WordTokenizer.Terms(c).ToHashSet(StringComparer.Ordinal))))
            .ToList();
        var center = scores.IndexOf(scores.Max());
        int from = center, to = center;
        var length = clauses[center].Length;
        while (true)
        {
            var canLeft = from > 0 && length + clauses[from - 1].Length <= MaxAnswerLength - 2;
            var canRight = to < clauses.Count - 1 && length + clauses[to + 1].Length <= MaxAnswerLength - 2;
            if (!canLeft && !canRight)
            {
                break;
            }

            if (canRight && (!canLeft || scores[to + 1] >= scores[from - 1]))
            {
                length += clauses[++to].Length;
            }
            else
            {
                length += clauses[--from].Length;
            }
        }

        var joined = string.Concat(clauses.Skip(from).Take(to - from + 1)).Trim().TrimEnd(',', ';');
        if (joined.Length > MaxAnswerLength - 1)
        {
            joined = Clip(joined, MaxAnswerLength - 1);
        }

        return (from > 0 ? "…" : "") + joined + (to < clauses.Count - 1 ? "…" : "");
    }

    private static string StripOpener(string sentence)
    {
        var match = OpenerPattern().Match(sentence);
        if (!match.Success)
        {
            return sentence.Trim();
        }

        var rest = sentence[match.Length..].Trim();
        return rest.Length == 0 ? sentence.Trim() : char.ToUpperInvariant(rest[0]) + rest[1..];
    }

    [GeneratedRegex(@"^(Meanwhile|Moreover|However|Furthermore|Additionally|Interestingly|Conversely|Notably|Indeed|Still|Also|In addition|On the other hand|At the same time),\s+")]
    private static partial Regex OpenerPattern();

    [GeneratedRegex(@"(?<=[,;:—–])")]
    private static partial Regex ClausePattern();

    [GeneratedRegex(@"^\s*(?:[A-Z]\w*\s+)?(?:He|She|They)\b|\b(?:he|she|they)\s+\w+,?\s*$")]
    private static partial Regex PronounPattern();

    [GeneratedRegex(@"\b(officials|members|representatives|delegates|negotiators|envoys|diplomats|leaders|people|participants|ministers)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PluralPeoplePattern();

    [GeneratedRegex(@"\b(provided (that)?|providing|on (the )?condition|as long as|so long as|only if|if|unless|subject to|contingent on|in exchange for)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ConditionalPattern();

    [GeneratedRegex(@"\b(because|due to|in order to|so that|in hopes of|aims? to|aimed at|to prevent|to ensure|as a result|since)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CausePattern();
}
