namespace TalksBot.Qdrant.Index;

/// <summary>Reported after each batch is embedded and stored, for a progress bar.</summary>
public readonly record struct IndexBuildProgress(int PassagesIndexed, int PassageCount);
