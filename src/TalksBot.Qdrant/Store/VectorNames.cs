namespace TalksBot.Qdrant.Store;

/// <summary>The fixed schema of our collections: one dense and one server-side BM25 named vector.</summary>
public static class VectorNames
{
    public const string Dense = "dense";
    public const string Bm25 = "bm25";

    /// <summary>Qdrant's built-in BM25 (since 1.15.2): it tokenises, stems and weighs the text itself.</summary>
    public const string Bm25Model = "qdrant/bm25";
}
