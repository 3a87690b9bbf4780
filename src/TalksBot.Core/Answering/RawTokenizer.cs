using System.Text.RegularExpressions;

namespace TalksBot.Core.Answering;

// WordTokenizer folds case and drops offsets; names, acronyms and dates need both, so this keeps the text as written.
internal static partial class RawTokenizer
{
    public static IReadOnlyList<RawToken> Tokens(string text) =>
        [.. TokenPattern().Matches(text).Select(m => new RawToken(m.Value, m.Index, m.Index + m.Length))];

    [GeneratedRegex(@"(?:\p{Lu}\.){2,}|\p{L}[\p{L}\p{M}\-]*(?:['’]\p{L}+)?|\d+(?:[.,:]\d+)*")]
    private static partial Regex TokenPattern();
}
