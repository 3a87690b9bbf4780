using System.Text.RegularExpressions;
using TalksBot.Core.Text;

namespace TalksBot.Core.Answering;

/// <summary>Reads a question: what kind of answer it wants, which side it is about, and its content words.</summary>
internal sealed partial class QuestionAnalyzer(Lexicon lexicon, SideFinder sides)
{
    private static readonly HashSet<string> Auxiliaries =
        ["did", "does", "do", "is", "are", "was", "were", "has", "have", "had", "will", "can", "could", "should", "would"];

    private static readonly HashSet<string> QuestionWords = ["who", "whom", "whose", "what", "which", "when", "where", "why", "how"];

    // Nouns after a side that make it the subject: "the U.S. delegation", "Moscow's stance".
    private static readonly HashSet<string> SubjectNouns =
    [
        "delegation", "side", "team", "officials", "official", "representatives", "representative", "position", "stance",
        "view", "government", "president", "foreign", "minister", "spokesperson", "leader", "leaders", "envoy", "negotiators",
        "delegates", "aide", "presidential", "national", "secretary", "deputy", "administration",
    ];

    // Words a metadata or role question uses to ask, not to describe what it asks about.
    private static readonly HashSet<string> MetaWords =
        ["wrote", "write", "written", "author", "authored", "published", "publish", "publication", "date", "source", "link", "url", "posted", "piece", "post"];

    // The words a question uses to ask for its kind of answer, which the answer itself rarely repeats, so they are not
    // terms to look for. "Under what condition ...": the article says "provided that ...". "How long did it last?": "last"
    // would find "lasting peace". "Which country hosted ...?": the answer names the place instead.
    private static readonly Dictionary<QuestionKind, HashSet<string>> AskingWords = new()
    {
        [QuestionKind.When] = ["date", "day", "year", "month", "time", "long", "ago"],
        [QuestionKind.HowMany] = ["number", "percentage", "amount"],
        [QuestionKind.Duration] =
            ["long", "last", "lasted", "lasts", "take", "took", "takes", "duration", "length", "seconds", "minutes", "hours", "days", "weeks", "months", "years"],
        [QuestionKind.Where] = ["country", "nation", "city", "town", "place", "venue", "location", "capital", "host", "hosted", "hosts", "hosting"],
        [QuestionKind.Condition] = ["condition", "conditions", "circumstances", "terms", "precondition", "preconditions"],
    };

    public QuestionAnalysis Analyze(string question)
    {
        var text = question.Trim();
        var lower = text.ToLowerInvariant().Replace('’', '\'');
        var injection = lexicon.IsInstruction(text);
        var mentions = sides.Find(text);
        var tokens = RawTokenizer.Tokens(text);
        var misspelt = tokens
            .Where(t => t.Text.Length >= 5 && !mentions.Any(m => t.Start < m.End && t.End > m.Start) && !lexicon.Stopwords.Contains(t.Lower))
            .Select(t => (Token: t, Side: sides.FindMisspelt(t.Text)))
            .Where(x => x.Side is not null)
            .Select(x => new SideMention(x.Side!, x.Token.Start, x.Token.End))
            .ToList();
        var allMentions = mentions.Concat(misspelt).OrderBy(m => m.Start).ToList();
        var names = Names(tokens, allMentions);
        var clause = ClausePart(lower);
        var kind = Classify(clause, names.Count > 0);
        return new QuestionAnalysis(
            text,
            kind,
            Terms(text, kind, allMentions, names),
            SubjectSide(text, allMentions),
            [.. allMentions.Select(m => m.Side).Distinct()],
            names,
            kind == QuestionKind.Who && AsksForPersonNoun(clause),
            injection);
    }

    private List<string> Names(IReadOnlyList<RawToken> tokens, List<SideMention> mentions) =>
        [.. tokens
            .Where((t, i) => t.IsCapitalized && i > 0)
            .Where(t => !mentions.Any(m => t.Start < m.End && t.End > m.Start))
            .Where(t => !lexicon.Stopwords.Contains(t.Lower) && !lexicon.Months.ContainsKey(t.Lower) && !lexicon.Roles.Contains(t.Lower))
            .Where(t => !t.IsAcronym || t.Text.Length > 1)
            .Select(t => PossessivePattern().Replace(t.Text, ""))];

    private List<QueryTerm> Terms(string text, QuestionKind kind, List<SideMention> mentions, List<string> names)
    {
        // Side names are matched as sides, not as words: "the American side" must find "Meanwhile, the American side ...".
        // About an article itself, though, a side's name is usually an outlet's: "the Washington Post article".
        var metadata = ArticleMetadataAnswerer.IsMetadata(kind);
        var chars = text.ToCharArray();
        foreach (var m in mentions.Where(_ => !metadata))
        {
            Array.Fill(chars, ' ', m.Start, m.End - m.Start);
        }

        var nameWords = names.SelectMany(WordTokenizer.Words).ToHashSet(StringComparer.Ordinal);
        var terms = new List<QueryTerm>();
        var relative = RelativeClausePattern().Match(text);
        var cut = relative.Success ? relative.Index : chars.Length;
        var words = WordTokenizer.Words(new string(chars, 0, cut)).Select(w => (Word: w, Identifies: false))
            .Concat(WordTokenizer.Words(new string(chars, cut, chars.Length - cut)).Select(w => (Word: w, Identifies: true)));
        foreach (var (word, identifies) in words)
        {
            if (lexicon.Stopwords.Contains(word) || word.Length < 2)
            {
                continue;
            }

            // "post" asks for the article, but a capitalised "Post" names the outlet.
            if (metadata && MetaWords.Contains(word) && !nameWords.Contains(word))
            {
                continue;
            }

            if (kind is QuestionKind.WhoIs && (lexicon.RoleQuestionWords.Contains(word) || word is "hold" or "holds" or "have"))
            {
                continue;
            }

            if (AskingWords.TryGetValue(kind, out var asking) && asking.Contains(word))
            {
                continue;
            }

            var stem = WordTokenizer.Stem(word);
            if (terms.All(t => t.Stem != stem))
            {
                // Dates and numbers pin down which event is meant, as names do; they are not what is asked.
                var specific = nameWords.Contains(word) || lexicon.Months.ContainsKey(word) || word.All(char.IsDigit);
                terms.Add(new QueryTerm(stem, specific, identifies));
            }
        }

        return terms;
    }

    private static string? SubjectSide(string text, List<SideMention> mentions)
    {
        var distinct = mentions.Select(m => m.Side).Distinct().ToList();
        if (distinct.Count <= 1)
        {
            return distinct.Count == 0 ? null : distinct[0];
        }

        var subjects = mentions
            .Where(m => FollowedBySubjectNoun(text, m.End, mentions))
            .Select(m => m.Side)
            .Distinct()
            .ToList();
        return subjects.Count == 1 ? subjects[0] : null;
    }

    // "the American and Russian officials": a side joined to the next one shares its noun.
    private static bool FollowedBySubjectNoun(string text, int end, List<SideMention> mentions)
    {
        var joined = CoordinationPattern().Match(text, end);
        if (joined.Success && joined.Index == end && mentions.FirstOrDefault(m => m.Start == end + joined.Length) is { Side: not null } joinedSide)
        {
            return FollowedBySubjectNoun(text, joinedSide.End, mentions);
        }

        var rest = text[end..].TrimStart();
        if (rest.StartsWith("'s", StringComparison.Ordinal) || rest.StartsWith("’s", StringComparison.Ordinal))
        {
            return true;
        }

        var next = RawTokenizer.Tokens(rest);
        return next.Count > 0 && SubjectNouns.Contains(next[0].Lower);
    }

    // "According to Russian officials, who must ...": the kind is read from the clause that holds the question word.
    private static string ClausePart(string lower)
    {
        var comma = lower.IndexOf(", ", StringComparison.Ordinal);
        if (comma > 0)
        {
            var after = lower[(comma + 2)..];
            var first = after.Split(' ', 2)[0];
            if (QuestionWords.Contains(first) || Auxiliaries.Contains(first))
            {
                return after;
            }
        }

        foreach (var opener in new[] { "and ", "so ", "also ", "then " })
        {
            if (lower.StartsWith(opener, StringComparison.Ordinal))
            {
                return lower[opener.Length..];
            }
        }

        return lower;
    }

    // "Which U.S. president ...", "What officials ...": the noun asked about names a kind of person.
    private bool AsksForPersonNoun(string lower)
    {
        var words = WordPattern().Matches(lower).Select(m => m.Value).ToList();
        return words.Count > 1 && words[0] is "which" or "what"
            && words.Skip(1).Take(4).TakeWhile(w => !Auxiliaries.Contains(w)).Any(lexicon.PersonNouns.Contains);
    }

    private QuestionKind Classify(string lower, bool hasNames)
    {
        var first = lower.Split(' ', 2)[0];
        if (AuthorPattern().IsMatch(lower))
        {
            return QuestionKind.Author;
        }

        if ((lower.Contains("publish", StringComparison.Ordinal) || lower.Contains("posted", StringComparison.Ordinal))
            && (first == "when" || lower.Contains("date", StringComparison.Ordinal) || lower.Contains("what day", StringComparison.Ordinal)))
        {
            return QuestionKind.Published;
        }

        if (SourcePattern().IsMatch(lower))
        {
            return QuestionKind.SourceLink;
        }

        if (QuotePattern().IsMatch(lower))
        {
            return QuestionKind.Quote;
        }

        if (hasNames && (WhoIsPattern().IsMatch(lower) || (first is "what" or "which" && WordPattern().Matches(lower).Any(m => lexicon.RoleQuestionWords.Contains(m.Value)))))
        {
            return QuestionKind.WhoIs;
        }

        if (ConditionPattern().IsMatch(lower))
        {
            return QuestionKind.Condition;
        }

        if (first == "when" || WhenPattern().IsMatch(lower))
        {
            return QuestionKind.When;
        }

        if (first == "where" || WherePattern().IsMatch(lower))
        {
            return QuestionKind.Where;
        }

        // Before "how many": "how many days did it last?" asks for a length of time, not a count of things.
        if (DurationPattern().IsMatch(lower))
        {
            return QuestionKind.Duration;
        }

        if (HowManyPattern().IsMatch(lower))
        {
            return QuestionKind.HowMany;
        }

        if (first == "why" || WhyPattern().IsMatch(lower))
        {
            return QuestionKind.Why;
        }

        var words = WordPattern().Matches(lower).Select(m => m.Value).ToArray();
        // A list pattern, not words[^1]: a question of only emoji or punctuation has no words, and indexing crashed the answerer.
        if (first is "who" or "whom" or "whose" || words is [.., "whom" or "who"]
            || AsksForPersonNoun(lower))
        {
            return QuestionKind.Who;
        }

        if (first == "which" || WhichPattern().IsMatch(lower))
        {
            return QuestionKind.Which;
        }

        return Auxiliaries.Contains(first) ? QuestionKind.YesNo : QuestionKind.What;
    }

    [GeneratedRegex(@"\G(?:['’]s)?(?:,\s*|\s+)(?:and|or)?\s*")]
    private static partial Regex CoordinationPattern();

    // "the talks that began on ...", "the meeting which took place in ...": a clause after a noun, led by a verb.
    [GeneratedRegex(@"(?<=\w)\s+(?:that|which)\s+(?:\w+ed|began|begun|took|held|met|was|were|is|are|will|had|has)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeClausePattern();

    [GeneratedRegex(@"['’]s$")]
    private static partial Regex PossessivePattern();

    [GeneratedRegex(@"[\p{L}\d'-]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\b(who (wrote|authored|penned|is the author|was the author|is the writer)|author of|authored|written by|byline)\b")]
    private static partial Regex AuthorPattern();

    [GeneratedRegex(@"\b(source link|source url|url|link|original source|where (was|is) (it|the article|the story) from)\b")]
    private static partial Regex SourcePattern();

    [GeneratedRegex(@"^(what|how) (did|does|has|had|do) (.+ )?(say|said|state|tell|remark|declare|note|emphasi[sz]e|stress|announce|claim|warn|comment|describe)\b|\bquot(e|ed|ation)\b|\bwhat were .*words\b")]
    private static partial Regex QuotePattern();

    [GeneratedRegex(@"^(who('s| is| was) [^ ]+( [^ ]+){0,3}\??$)")]
    private static partial Regex WhoIsPattern();

    [GeneratedRegex(@"\b(under|on|with) (what|which) (pre)?(conditions?|circumstances|terms)\b|\bwhat (are|were|is|was) (the|his|her|their|its) (pre)?(conditions?|terms)\b")]
    private static partial Regex ConditionPattern();

    [GeneratedRegex(@"\b(what|which) (date|day|year|month|time)\b|\bsince when\b|\bhow long ago\b")]
    private static partial Regex WhenPattern();

    [GeneratedRegex(@"\b(in|at) (which|what) (country|city|place|venue|location|town|capital)\b|^(what|which) (venue|place|location|city)\b|^(what|which) (country|nation|town) (hosted|hosts|is hosting|will host|held|holds|will hold)\b")]
    private static partial Regex WherePattern();

    [GeneratedRegex(@"\bhow long\b|\bwhat (is|was) the (duration|length)\b|\bhow many (seconds|minutes|hours|days|weeks|months|years)\b")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"\bhow (many|much)\b|\bwhat (number|percentage|share|amount)\b")]
    private static partial Regex HowManyPattern();

    [GeneratedRegex(@"\bfor what reason\b|\bwhat (is|was) the reason\b")]
    private static partial Regex WhyPattern();

    [GeneratedRegex(@"^(what|which) (country|countries|nation|nations|newspaper|newspapers|agency|organization|outlet|city|cities)\b")]
    private static partial Regex WhichPattern();
}
