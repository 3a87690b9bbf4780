namespace TalksBot.Core.Retrieval;

/// <summary>What a search looks for.</summary>
/// <param name="Text">The words the keyword (BM25) search matches.</param>
/// <param name="Vector">The question's embedding for the dense search; when absent the search embeds <paramref name="Text"/>.</param>
public sealed record PassageQuery(string Text, ReadOnlyMemory<float>? Vector = null)
{
    /// <summary>A query of words alone.</summary>
    public static implicit operator PassageQuery(string text) => new(text);

    /// <summary>A query of words alone.</summary>
    public static PassageQuery FromString(string text) => new(text);
}
