namespace TalksBot.Core.Text;

/// <summary>
/// Splits prose into sentences with their offsets. Hand-written because the registry has no
/// sentence segmenter; the rules cover news English: abbreviations ("Dr.", "Feb."), dotted acronyms
/// ("U.S. and Russia"), initials, decimals, closing quotes after the stop, and ellipses.
/// A blank line always ends a sentence; a single line break does too unless the line ran on mid-sentence.
/// </summary>
public static class SentenceSplitter
{
    // Titles, months and days: abbreviations only when capitalised ("Dr.", "Mar."), since "mar", "sat" and "sun" are words.
    private static readonly HashSet<string> CapitalisedAbbreviations = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "Gen", "Col", "Lt", "Maj", "Sgt", "Capt", "Cmdr", "Adm",
        "Gov", "Sen", "Rep", "Pres", "Amb", "Hon", "Rev", "Fr", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
        "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Inc", "Ltd", "Co", "Corp", "Dept",
    };

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "etc", "vs", "approx", "est", "al", "cf", "ca",
    };

    // Abbreviations only before a number ("No. 5", "Vol. 2"); otherwise "no." ends a sentence.
    private static readonly HashSet<string> NumberAbbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "no", "nos", "vol", "fig", "pp", "art", "sec",
    };

    // After a dotted acronym ("U.S.") a sentence usually goes on ("U.S. President"); these words show it ended.
    private static readonly HashSet<string> SentenceOpeners = new(StringComparer.Ordinal)
    {
        "The", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "In", "On", "At", "But",
        "And", "However", "Meanwhile", "A", "An", "As", "If", "When", "While", "After", "Before", "Despite", "There",
        "Officials", "Both", "Some", "Many",
    };

    /// <summary>Splits <paramref name="text"/> into sentences, trimmed of surrounding whitespace.</summary>
    public static IReadOnlyList<TextSegment> Split(string text) => Split(text, 0, text?.Length ?? 0);

    /// <summary>Splits <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>]; offsets index into the whole text.</summary>
    public static IReadOnlyList<TextSegment> Split(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);

        var sentences = new List<TextSegment>();
        var sentenceStart = start;
        var i = start;
        while (i < end)
        {
            var c = text[i];
            int boundary;
            if (c == '\n')
            {
                boundary = EndsAtLineBreak(text, sentenceStart, i, end) ? i : -1;
                i++;
            }
            else if (IsTerminator(c))
            {
                var after = i;
                while (after < end && IsTerminator(text[after]))
                {
                    after++;
                }

                while (after < end && IsCloser(text[after]))
                {
                    after++;
                }

                boundary = EndsAtStop(text, i, after, end) ? after : -1;
                i = after;
            }
            else
            {
                i++;
                continue;
            }

            if (boundary >= 0)
            {
                AddTrimmed(text, sentenceStart, boundary, sentences);
                sentenceStart = boundary;
            }
        }

        AddTrimmed(text, sentenceStart, end, sentences);
        return sentences;
    }

    /// <summary>True when <paramref name="text"/> ends the way a sentence does (".", "!", "?", an ellipsis, or one of those before closing quotes).</summary>
    public static bool EndsWithSentenceStop(ReadOnlySpan<char> text)
    {
        var trimmed = text.TrimEnd();
        while (trimmed.Length > 0 && IsCloser(trimmed[^1]))
        {
            trimmed = trimmed[..^1];
        }

        return trimmed.Length > 0 && IsTerminator(trimmed[^1]);
    }

    private static bool IsTerminator(char c) => c is '.' or '!' or '?' or '…';

    private static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or ')' or ']' or '»';

    private static bool IsOpener(char c) => c is '"' or '\'' or '“' or '‘' or '(' or '[' or '«';

    private static bool EndsAtLineBreak(string text, int sentenceStart, int newline, int end)
    {
        // A blank line always ends the sentence; a single break ends it unless the line ran on mid-sentence (a soft wrap).
        var next = newline + 1;
        while (next < end && text[next] is ' ' or '\t')
        {
            next++;
        }

        if (next < end && text[next] == '\n')
        {
            return true;
        }

        var line = text.AsSpan(sentenceStart, newline - sentenceStart);
        var lastBreak = line.LastIndexOf('\n');
        var lastLine = lastBreak >= 0 ? line[(lastBreak + 1)..] : line;
        return lastLine.Trim().Length < 60 || EndsWithSentenceStop(lastLine);
    }

    private static bool EndsAtStop(string text, int stop, int after, int end)
    {
        if (after >= end)
        {
            return true;
        }

        // A stop must be followed by white space: "2.5", "U.S.-Russia" and "example.com" do not end sentences.
        if (!char.IsWhiteSpace(text[after]))
        {
            return false;
        }

        var next = after;
        while (next < end && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        if (next >= end)
        {
            return true;
        }

        var nextChar = text[next];
        while (next < end && IsOpener(text[next]))
        {
            next++;
        }

        if (next < end && char.IsLower(text[next]))
        {
            return false;
        }

        if (text[stop] != '.' || after - stop > 1 && text[stop + 1] == '.')
        {
            return char.IsUpper(nextChar) || char.IsDigit(nextChar) || IsOpener(nextChar) || !char.IsLetter(nextChar);
        }

        var word = WordBefore(text, stop);
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return false;
        }

        var token = word.ToString();
        if (CapitalisedAbbreviations.Contains(token) || Abbreviations.Contains(token)
            || NumberAbbreviations.Contains(token) && char.IsDigit(nextChar))
        {
            return false;
        }

        if (word.Contains('.'))
        {
            return SentenceOpeners.Contains(NextWord(text, next, end));
        }

        return true;
    }

    private static ReadOnlySpan<char> WordBefore(string text, int stop)
    {
        var begin = stop;
        while (begin > 0 && (char.IsLetterOrDigit(text[begin - 1]) || text[begin - 1] == '.'))
        {
            begin--;
        }

        return text.AsSpan(begin, stop - begin);
    }

    private static string NextWord(string text, int from, int end)
    {
        var stop = from;
        while (stop < end && char.IsLetter(text[stop]))
        {
            stop++;
        }

        return text[from..stop];
    }

    private static void AddTrimmed(string text, int start, int end, List<TextSegment> sentences)
    {
        var sentence = TextSegment.Trimmed(text, start, end);
        if (sentence.Text.Length > 0)
        {
            sentences.Add(sentence);
        }
    }
}
