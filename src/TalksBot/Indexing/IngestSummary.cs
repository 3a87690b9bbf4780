using TalksBot.Core.Articles;
using TalksBot.Qdrant.Index;

namespace TalksBot.Indexing;

/// <summary>What an ingest did: the manifest now served, the files skipped and why, and how long it took.</summary>
/// <param name="Rebuilt">False when the served index already matched the folder, so nothing was re-embedded.</param>
internal sealed record IngestSummary(
    string ArticlesPath, IndexManifest Manifest, IReadOnlyList<SkippedArticleFile> Skipped, TimeSpan Elapsed, bool Rebuilt);
