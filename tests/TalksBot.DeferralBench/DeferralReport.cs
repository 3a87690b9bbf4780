using System.Text.Json.Serialization;
using TalksBot.Bench;

namespace TalksBot.DeferralBench;

/// <summary>What <c>--json</c> writes.</summary>
internal sealed record DeferralReport(DeferralFigures Deferral, MachineFigures Machine);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(DeferralReport))]
internal sealed partial class DeferralJsonContext : JsonSerializerContext;
