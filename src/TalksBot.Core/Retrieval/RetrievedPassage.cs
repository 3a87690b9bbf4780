using TalksBot.Core.Articles;
using TalksBot.Core.Embeddings;
using TalksBot.Core.Passages;

namespace TalksBot.Core.Retrieval;

/// <summary>A passage returned by a search, with its article's metadata and its fused score.</summary>
/// <param name="Rank">0-based rank in the result list.</param>
/// <param name="SentenceVectors">The vectors of the passage's sentences stored at ingest, when the index has them.</param>
public sealed record RetrievedPassage(Passage Passage, ArticleInfo Article, double Score, int Rank, SentenceVectors? SentenceVectors = null);
