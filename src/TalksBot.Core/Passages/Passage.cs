namespace TalksBot.Core.Passages;

/// <summary>A retrievable piece of an article.</summary>
/// <param name="Id">Name-based UUID of (article id, ordinal, text): stable across re-ingests, accepted by Qdrant as a point id.</param>
/// <param name="ArticleId">The article it came from.</param>
/// <param name="Ordinal">Its 0-based position within the article.</param>
/// <param name="Heading">The nearest heading above or at the start of the passage, if any.</param>
/// <param name="Text">Exactly <c>article.Text[Start..End]</c>.</param>
/// <param name="Start">Offset of the first character in <see cref="Articles.Article.Text"/>.</param>
/// <param name="End">Offset one past the last character in <see cref="Articles.Article.Text"/>.</param>
public sealed record Passage(Guid Id, string ArticleId, int Ordinal, string? Heading, string Text, int Start, int End)
{
    /// <summary>What retrieval indexes: the heading, when the text does not already start with it, then the text.</summary>
    public string SearchText =>
        Heading is null || Text.StartsWith(Heading, StringComparison.Ordinal) ? Text : Heading + "\n" + Text;
}
