using TalksBot.Core.Text;

namespace TalksBot.Core.Answering;

/// <summary>Decides whether a question term is present among a sentence's terms: same stem, same synonym group, a shared long prefix, or one typo.</summary>
internal sealed class TermMatcher
{
    private readonly Dictionary<string, HashSet<int>> _groups = new(StringComparer.Ordinal);

    public TermMatcher(Lexicon lexicon)
    {
        for (var g = 0; g < lexicon.SynonymGroups.Count; g++)
        {
            foreach (var word in lexicon.SynonymGroups[g])
            {
                foreach (var term in WordTokenizer.Terms(word))
                {
                    if (!_groups.TryGetValue(term, out var set))
                    {
                        _groups[term] = set = [];
                    }

                    set.Add(g);
                }
            }
        }
    }

    public bool Matches(string queryTerm, IReadOnlySet<string> terms)
    {
        if (terms.Contains(queryTerm))
        {
            return true;
        }

        _groups.TryGetValue(queryTerm, out var groups);
        foreach (var term in terms)
        {
            if (groups is not null && _groups.TryGetValue(term, out var other) && groups.Overlaps(other))
            {
                return true;
            }

            if (IsVariant(queryTerm, term))
            {
                return true;
            }
        }

        return false;
    }

    // Derivations share a long prefix ("negotiation"/"negotiate"); one slip of the keyboard ("amercian") is forgiven
    // only on words of five letters or more, where it rarely turns one real word into another.
    public static bool IsVariant(string a, string b)
    {
        if (a.Length >= 4 && b.Length >= 4 && TransliterationKey(a) == TransliterationKey(b))
        {
            return true;
        }

        if (QualityOf(a) == b || QualityOf(b) == a)
        {
            return true;
        }

        // Stems lose a letter or two ("middle" → "middl"), so four letters suffice when one side is longer.
        if (a.Length < 4 || b.Length < 4 || (a.Length < 5 && b.Length < 5))
        {
            return false;
        }

        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        if (prefix >= 6 || (prefix == 5 && Math.Abs(a.Length - b.Length) <= 3 && Math.Min(a.Length, b.Length) <= 7))
        {
            return true;
        }

        return Math.Abs(a.Length - b.Length) <= 1 && OptimalStringAlignment(a, b) <= 1;
    }

    // "-ness" makes a noun of an adjective without changing what it says ("willing" → "willingness", "open" → "openness"),
    // but the adjective's stem can be too short to share a long prefix with the noun ("will"). Bases under four letters
    // are left alone: "witness" is not about wit.
    private static string? QualityOf(string term) =>
        term.Length >= 8 && term.EndsWith("ness", StringComparison.Ordinal) ? WordTokenizer.Stem(term[..^4]) : null;

    // Names from Cyrillic are romanised several ways: "Yury"/"Yuri"/"Iurii"/"Jurij", "Zelensky"/"Zelenskyy". Writing y and j
    // as i and dropping doubled letters gives those one key; few English words of four letters or more differ only so.
    private static string TransliterationKey(string term)
    {
        var key = new System.Text.StringBuilder(term.Length);
        foreach (var c in term)
        {
            var folded = c is 'y' or 'j' ? 'i' : c;
            if (key.Length == 0 || key[^1] != folded)
            {
                key.Append(folded);
            }
        }

        return key.ToString();
    }

    // Levenshtein distance that also counts swapping two neighbours as one edit; one implementation serves both matchers.
    public static int OptimalStringAlignment(string a, string b) => Ranking.Spelling.Distance(a, b, limit: Math.Max(a.Length, b.Length));
}
