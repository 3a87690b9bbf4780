namespace TalksBot.Core.Answering;

/// <summary>One source an answer rests on: the article, the passage and the exact sentence quoted.</summary>
/// <param name="Number">1-based, as shown to the reader, e.g. [1].</param>
/// <param name="Quote">Exactly <c>article.Text[QuoteStart..QuoteEnd]</c>.</param>
public sealed record Citation(
    int Number,
    string ArticleId,
    string Title,
    string? Url,
    DateTimeOffset? Published,
    Guid PassageId,
    string Quote,
    int QuoteStart,
    int QuoteEnd)
{
    /// <summary>True when the quote says word for word what the answer says, so showing it again adds nothing.</summary>
    public bool Repeats(string answerText) =>
        string.Equals(Normalised(Quote), Normalised(answerText), StringComparison.Ordinal);

    private static string Normalised(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
