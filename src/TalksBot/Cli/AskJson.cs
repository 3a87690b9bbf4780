using System.Text.Json.Serialization;
using TalksBot.Core.Answering;

namespace TalksBot.Cli;

/// <summary>The documented shape of <c>ask --json</c>.</summary>
internal sealed record AskJson(
    string Question, string Answer, bool Abstained, IReadOnlyList<AskJsonCitation> Citations, double LatencyMs)
{
    public static AskJson From(AskResult result) => new(
        result.Question,
        result.Answer.Text,
        result.Answer.Abstained,
        [.. result.Answer.Citations.Select(c => new AskJsonCitation(c.ArticleId, c.Title, c.Url, c.PassageId.ToString(), c.Quote))],
        Math.Round(result.Latency.TotalMilliseconds, 2));
}

internal sealed record AskJsonCitation(string ArticleId, string Title, string? Url, string PassageId, string Quote);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(AskJson))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
