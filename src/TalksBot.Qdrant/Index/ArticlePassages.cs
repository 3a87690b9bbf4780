using TalksBot.Core.Articles;
using TalksBot.Core.Passages;

namespace TalksBot.Qdrant.Index;

/// <summary>One article and the passages the chunker cut from it: the unit the index is built from.</summary>
public sealed record ArticlePassages(Article Article, IReadOnlyList<Passage> Passages);
