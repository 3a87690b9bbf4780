using System.Globalization;
using System.Text.RegularExpressions;

namespace TalksBot.Core.Answering;

/// <summary>Finds what answers look like in a sentence: people (with roles), dates, places, numbers and quotations.</summary>
internal sealed partial class EntityFinder
{
    private readonly Lexicon _lexicon;
    private readonly SideFinder _sides;
    private readonly HashSet<string> _roleWords;
    private readonly HashSet<string> _sideWords;
    private readonly HashSet<string> _placeWords;
    private readonly Regex _datePattern;

    public EntityFinder(Lexicon lexicon, SideFinder sides)
    {
        _lexicon = lexicon;
        _sides = sides;
        _roleWords = [.. lexicon.Roles.SelectMany(r => r.Split(' ')).Where(w => w != "of")];
        _sideWords = [.. lexicon.Sides.SelectMany(s => s.Aliases).SelectMany(a => a.Split(' ')).Select(a => a.ToLowerInvariant())];
        _placeWords = [.. lexicon.Places.SelectMany(p => p.Split(' ')).Select(p => p.ToLowerInvariant())];
        var months = string.Join('|', lexicon.Months.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape));
        _datePattern = new Regex(
            $@"\b(?:(?<qual>early|mid|late)[\s-]+)?(?:(?<month>{months})\.?(?:\s+(?<day>\d{{1,2}})(?:st|nd|rd|th)?)?(?:,?\s+(?<year>(?:19|20)\d{{2}}))?|(?<day>\d{{1,2}})\s+(?<month>{months})(?:\s+(?<year>(?:19|20)\d{{2}}))?|(?<year>(?:19|20)\d{{2}})(?:-(?<mnum>\d{{2}})-(?<day>\d{{2}}))?)\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
    }

    public bool IsRoleWord(string lower) => _roleWords.Contains(lower);

    public bool IsSideWord(string lower) => _sideWords.Contains(lower);

    public IReadOnlyList<PersonMention> Persons(string text)
    {
        var tokens = RawTokenizer.Tokens(text);
        var people = new List<PersonMention>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (!tokens[i].IsCapitalized)
            {
                i++;
                continue;
            }

            // A capitalised run: words joined by single spaces, not by punctuation.
            var runEnd = i + 1;
            while (runEnd < tokens.Count && tokens[runEnd].IsCapitalized && text[tokens[runEnd - 1].End..tokens[runEnd].Start] == " ")
            {
                runEnd++;
            }

            var person = PersonIn(text, tokens, i, runEnd);
            if (person is not null)
            {
                people.Add(person);
            }

            i = runEnd;
        }

        return people;
    }

    private PersonMention? PersonIn(string text, IReadOnlyList<RawToken> tokens, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            var lower = tokens[k].Lower;
            if (_lexicon.OrganizationWords.Contains(lower) || tokens[k].IsAcronym || _lexicon.Months.ContainsKey(lower))
            {
                return null;
            }
        }

        // The name is what is left at the end of the run after titles and side adjectives ("Ukrainian President ...").
        var nameStart = start;
        while (nameStart < end && (IsRoleWord(tokens[nameStart].Lower) || IsSideWord(tokens[nameStart].Lower)
            || _lexicon.Stopwords.Contains(tokens[nameStart].Lower)))
        {
            nameStart++;
        }

        var length = end - nameStart;
        var titled = nameStart > start || (start > 0 && IsRoleWord(tokens[start - 1].Lower));
        if (length == 0 || length > 4 || (length == 1 && !titled))
        {
            return null;
        }

        for (var k = nameStart; k < end; k++)
        {
            if (IsRoleWord(tokens[k].Lower) || IsSideWord(tokens[k].Lower) || _placeWords.Contains(tokens[k].Lower))
            {
                return null;
            }
        }

        var from = tokens[nameStart].Start;
        var to = tokens[end - 1].End;
        return new PersonMention(text[from..to], from, to, RoleBefore(text, tokens, nameStart) ?? RoleAfter(text, to));
    }

    // Walks back over titles, capitalised words and "of": "Secretary of State", "Chinese Foreign Ministry spokesperson".
    private string? RoleBefore(string text, IReadOnlyList<RawToken> tokens, int nameStart)
    {
        var k = nameStart - 1;
        var hasRole = false;
        while (k >= 0 && text[tokens[k].End..tokens[k + 1].Start] == " ")
        {
            var lower = tokens[k].Lower;
            var isRole = IsRoleWord(lower);
            if (!isRole && !tokens[k].IsCapitalized && lower != "of")
            {
                break;
            }

            hasRole |= isRole;
            k--;
        }

        k++;
        while (k < nameStart && tokens[k].Lower is "of" or "the")
        {
            k++;
        }

        return hasRole && k < nameStart ? text[tokens[k].Start..tokens[nameStart - 1].End] : null;
    }

    // ", the presidential aide for foreign policy," — an apposition that holds a title and no other name.
    private string? RoleAfter(string text, int nameEnd)
    {
        var match = AppositionPattern().Match(text, nameEnd);
        if (!match.Success || match.Index != nameEnd)
        {
            return null;
        }

        var phrase = match.Groups["role"].Value.Trim();
        var words = RawTokenizer.Tokens(phrase);
        var hasRole = words.Take(4).Any(w => IsRoleWord(w.Lower));
        var hasName = words.Skip(1).Count(w => w.IsCapitalized && !IsSideWord(w.Lower) && !IsRoleWord(w.Lower)
            && !_lexicon.OrganizationWords.Contains(w.Lower)) >= 2
            && !words.Any(w => _lexicon.OrganizationWords.Contains(w.Lower));
        return hasRole && !hasName && words.Count <= 10 ? phrase : null;
    }

    public IReadOnlyList<DateMention> Dates(string text)
    {
        var dates = new List<DateMention>();
        foreach (Match m in _datePattern.Matches(text))
        {
            var monthText = m.Groups["month"].Value;

            // "may" and "march" are also ordinary words; only a capitalised one is a month.
            if (monthText.Length > 0 && !char.IsUpper(monthText[0]))
            {
                continue;
            }

            int? month = monthText.Length > 0 ? _lexicon.Months[monthText.ToLowerInvariant()] : Number(m.Groups["mnum"]);
            dates.Add(new DateMention(m.Value, m.Index, m.Index + m.Length, Number(m.Groups["year"]), month, Number(m.Groups["day"])));
        }

        return dates;
    }

    /// <summary>"nearly three years ago", "last week"; "since the Cold War" only when the question asks "since when".</summary>
    public bool HasRelativeDate(string lowerText, bool allowSince) =>
        _lexicon.RelativeDateWords.Any(w => ContainsWord(lowerText, w)) || (allowSince && SincePattern().IsMatch(lowerText));

    /// <summary>
    /// How surely the text names a place: 3 for a known place after "in/at" (where something happens), 2 for a known place
    /// merely mentioned, 1 for "in/at" and a capitalised name, 0 for none.
    /// </summary>
    /// <remarks>"in Ukraine" is usually the topic, not the venue, so a side's name after "in" does not count.</remarks>
    /// <remarks>A capital that also names a side ("Moscow") counts only after "in"/"at": elsewhere it is the side talking.</remarks>
    /// <param name="asked">Names in the question: "Where is Diriyah?" is not answered by a sentence that only names Diriyah.</param>
    public int PlaceStrength(string text, IReadOnlyList<string> asked)
    {
        bool IsAsked(string place) => asked.Any(a => place.Contains(a, StringComparison.OrdinalIgnoreCase));
        var known = _lexicon.Places.Where(p => !IsSideWord(p.ToLowerInvariant()) && !IsAsked(p) && ContainsWord(text, p)).ToList();
        var cued = PlacePattern().Matches(text)
            .Where(m => _lexicon.PlaceCues.Contains(m.Groups["cue"].Value.ToLowerInvariant()))
            .Select(m => m.Groups["name"].Value)
            .Where(name => !IsAsked(name) && !_lexicon.Months.ContainsKey(name.ToLowerInvariant())
                && (!IsSideWord(name.ToLowerInvariant()) || _placeWords.Contains(name.ToLowerInvariant())))
            .ToList();
        if (known.Count > 0)
        {
            return cued.Any(name => known.Any(p => p.StartsWith(name, StringComparison.OrdinalIgnoreCase))) ? 3 : 2;
        }

        return cued.Count > 0 ? 1 : 0;
    }

    public static bool HasNumber(string text) => NumberPattern().IsMatch(text);

    /// <summary>A length of time: "two days", "a 4-hour meeting", "hours-long", "overnight".</summary>
    public static bool HasDuration(string text) => DurationPattern().IsMatch(text);

    public static bool HasQuotation(string text) => QuotationPattern().IsMatch(text);

    /// <summary>Where the first quotation mark is, or -1.</summary>
    public static int QuotationStart(string text) => QuotationPattern().Match(text) is { Success: true } m ? m.Index : -1;

    /// <summary>Capitalised words not at the start of the text: names of people, places, countries, organisations.</summary>
    public static IEnumerable<RawToken> ProperNouns(string text) =>
        RawTokenizer.Tokens(text).Skip(1).Where(t => t.IsCapitalized);

    public static bool ContainsWord(string text, string phrase)
    {
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            var end = at + phrase.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end >= text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    private static int? Number(Group group) =>
        group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"\G,\s+(?<role>(?:the\s+|a\s+)?[^,.;:()]+?)(?=[,.;:)]|\s+and\s|$)")]
    private static partial Regex AppositionPattern();

    [GeneratedRegex(@"\bsince\s+(?:the\s+)?\w+")]
    private static partial Regex SincePattern();

    [GeneratedRegex(@"\b(?<cue>in|at|near)\s+(?:the\s+)?(?:[a-z]+\s+)?(?<name>\p{Lu}\p{L}+)")]
    private static partial Regex PlacePattern();

    [GeneratedRegex(@"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\b(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|several|few|many|couple of)(?:\s+and\s+a\s+half)?[\s-]+(?:more\s+|full\s+)?(?:second|minute|hour|day|week|month|year|decade)s?\b|\b(?:hours|days|weeks|months|years)[\s-]long\b|\bovernight\b|\ball[\s-]day\b", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPattern();

    [GeneratedRegex("[\"“”«»]")]
    private static partial Regex QuotationPattern();
}
