namespace TalksBot.Core.Answering;

/// <summary>Finds the sides a text names, using the lexicon's aliases.</summary>
internal sealed class SideFinder(Lexicon lexicon)
{
    private readonly List<(string Side, string Alias, bool CaseSensitive)> _aliases =
        [.. lexicon.Sides
            .SelectMany(s => s.Aliases.Select(a => (s.Name, a, CaseSensitive: !a.Any(char.IsLower))))
            .OrderByDescending(a => a.a.Length)];

    public IReadOnlyList<SideMention> Find(string text)
    {
        var found = new List<SideMention>();
        foreach (var (side, alias, caseSensitive) in _aliases)
        {
            var comparison = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            for (var at = text.IndexOf(alias, comparison); at >= 0; at = text.IndexOf(alias, at + 1, comparison))
            {
                var end = at + alias.Length;
                if (IsBoundary(text, at - 1) && IsBoundaryAfter(text, end) && !found.Any(f => at < f.End && end > f.Start))
                {
                    found.Add(new SideMention(side, at, end));
                }
            }
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>A side named by a word one typo away from a one-word alias ("amercian"), for questions typed in haste.</summary>
    public string? FindMisspelt(string word)
    {
        var lower = word.ToLowerInvariant();
        foreach (var (side, alias, _) in _aliases)
        {
            if (!alias.Contains(' ', StringComparison.Ordinal) && alias.Length >= 5
                && TermMatcher.OptimalStringAlignment(lower, alias.ToLowerInvariant()) <= 1)
            {
                return side;
            }
        }

        return null;
    }

    private static bool IsBoundary(string text, int index) => index < 0 || !char.IsLetterOrDigit(text[index]);

    // A possessive ("Russia's") or plural apostrophe still ends the alias.
    private static bool IsBoundaryAfter(string text, int index) => index >= text.Length || !char.IsLetterOrDigit(text[index]);
}
