using System.Text.Json.Serialization;

namespace TalksBot.Bench;

/// <summary>What <c>talksbot bench</c> measured in one process; written as JSON by <c>--json</c>.</summary>
internal sealed record BenchReport(AskFigures Ask, IngestFigures Ingest, MemoryFigures Memory, MachineFigures Machine);

/// <param name="Questions">Timed questions (after an untimed warm-up).</param>
/// <param name="EmbedQueryP50Ms">Embedding the question alone.</param>
/// <param name="QdrantHybridP50Ms">The hybrid query ask sends, straight through the client with a precomputed vector.</param>
internal sealed record AskFigures(int Questions, double P50Ms, double P95Ms, double P99Ms, double EmbedQueryP50Ms, double QdrantHybridP50Ms);

/// <summary>Where an ask's time goes beyond its embedding and raw query; printed, not part of the JSON.</summary>
/// <param name="SearchLayerP50Ms">The product's search with a precomputed vector: the raw query plus reading the passages back.</param>
/// <param name="AnswererP50Ms">The answerer alone, on the passages that search returned.</param>
/// <param name="PartsP95Ms">The p95 of embedding, raw query, search layer and answerer alone: whether the ask's tail is its own or every part's.</param>
internal sealed record AskBreakdown(double SearchLayerP50Ms, double AnswererP50Ms, double[] PartsP95Ms);

/// <param name="Passages">Passages in the built index.</param>
/// <param name="PassagesPerSecond">The whole ingest: load, chunk, embed, upsert, verify, swap.</param>
/// <param name="EmbedderPassagesPerSecond">The model alone, on the texts an ingest embeds for a sample of the passages.</param>
/// <param name="RawUpsertPassagesPerSecond">Upserting the sample's precomputed points alone, batched as an ingest does.</param>
internal sealed record IngestFigures(int Passages, double PassagesPerSecond, double EmbedderPassagesPerSecond, double RawUpsertPassagesPerSecond);

/// <param name="RssMbAfterLoad">Resident memory once the model is loaded and the index built.</param>
/// <param name="RssMbAfterQuestions">Resident memory after the timed questions.</param>
internal sealed record MemoryFigures(double RssMbAfterLoad, double RssMbAfterQuestions);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(BenchReport))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
