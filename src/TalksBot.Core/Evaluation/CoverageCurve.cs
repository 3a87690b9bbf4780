namespace TalksBot.Core.Evaluation;

/// <summary>
/// What raising the abstention threshold would trade: for each confidence an answered item has, the share of all
/// questions still answered if only answers at least that confident were given, against the accuracy of those answers.
/// Abstentions and failed asks stay unanswered at every threshold; an answer without a confidence counts as 1.
/// </summary>
internal static class CoverageCurve
{
    /// <summary>One point per distinct confidence, most confident first (so coverage grows along the list).</summary>
    public static IReadOnlyList<CoveragePoint> Of(IReadOnlyList<ItemResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var answered = results
            .Where(r => !r.Abstained && r.Error is null)
            .Select(r => (Confidence: Math.Clamp(r.Confidence ?? 1, 0, 1), r.Correct))
            .OrderByDescending(a => a.Confidence)
            .ToList();
        var points = new List<CoveragePoint>();
        var correct = 0;
        for (var i = 0; i < answered.Count; i++)
        {
            correct += answered[i].Correct ? 1 : 0;
            // Items tied on confidence are answered or not together, so a point is taken only after the last of a tie.
            if (i + 1 < answered.Count && answered[i + 1].Confidence == answered[i].Confidence)
            {
                continue;
            }

            points.Add(new CoveragePoint(answered[i].Confidence, i + 1, (double)(i + 1) / results.Count, new Rate(correct, i + 1)));
        }

        return points;
    }
}
