using System.Text;

namespace TalksBot.Core.Text;

/// <summary>
/// Splits text into lower-cased, diacritic-free word tokens, optionally lightly stemmed, for lexical
/// matching and hashed embeddings. Hand-written: the stemmers our registry has are far heavier than
/// the few suffix rules that let "talks"/"talk" and "Russia’s"/"Russia" meet.
/// </summary>
public static class WordTokenizer
{
    // Latin letters with diacritics in news names (Zélensky, Dmitrijević, Łukasz) and the letters they fold to, position by position.
    private const string Accented = "àáâãäåāăąçćčďđèéêëēėęěìíîïīįıłñńňòóôõöøōőŕřśšşșťţțùúûüūůűųýÿžźż";
    private const string Plain = "aaaaaaaaacccddeeeeeeeeiiiiiiilnnnoooooooorrsssstttuuuuuuuuyyzzz";

    /// <summary>Returns the normalised words of <paramref name="text"/> in order, without stemming.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var folded = Fold(text);
        var current = new StringBuilder();
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
                continue;
            }

            // "U.S." and "don't" stay one word; a possessive "'s" is dropped so "Russia's" matches "Russia".
            var joins = (c == '.' || c == '\'') && current.Length > 0
                && i + 1 < folded.Length && char.IsLetterOrDigit(folded[i + 1]);
            if (joins && c == '\'' && (folded[i + 1] == 's') && (i + 2 >= folded.Length || !char.IsLetterOrDigit(folded[i + 2])))
            {
                i++;
                continue;
            }

            if (joins)
            {
                continue;
            }

            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    /// <summary>Returns the normalised, stemmed words of <paramref name="text"/> in order.</summary>
    public static IReadOnlyList<string> Terms(string text) => [.. Words(text).Select(Stem)];

    /// <summary>
    /// Removes the commonest English inflections (plural and third-person "s", "ies", "ing", "ed") and a final
    /// "e", so "negotiate", "negotiates", "negotiated" and "negotiating" share one term; short words are left
    /// alone because their endings are rarely suffixes.
    /// </summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var stem = StripSuffix(word);
        return stem.Length > 4 && stem[^1] == 'e' ? stem[..^1] : stem;
    }

    private static string StripSuffix(string word)
    {
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal))
        {
            return word[..^3];
        }

        if (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.Length > 3 && word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i'))
        {
            return word[..^1];
        }

        return word;
    }

    // Lower-cases, strips diacritics (so "Zelenskyy" and "Zélensky" share n-grams) and folds typographic apostrophes.
    // A table rather than Unicode decomposition: the app runs with InvariantGlobalization, where Normalize is unavailable.
    private static string Fold(string text)
    {
        var folded = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = char.ToLowerInvariant(text[i]);
            var accented = c > '\u007F' ? Accented.IndexOf(c, StringComparison.Ordinal) : -1;
            folded[i] = accented >= 0 ? Plain[accented]
                : c is '\u2019' or '\u2018' or '\u02BC' or '`' ? '\''
                : c;
        }

        return new string(folded);
    }
}
