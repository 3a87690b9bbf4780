using TalksBot.Core.Text;

namespace TalksBot.Analytics.Reports;

/// <summary>
/// Groups coverage-gap questions by similarity in one greedy pass over them in time order: each question joins
/// the group whose first question it is most similar to (<see cref="QuestionTerms.Similarity"/>) when that reaches <see cref="Threshold"/>,
/// or starts a group. Deterministic, so the same data always gives the same report.
/// </summary>
internal static class GapClusterer
{
    // Half the distinct content terms shared: rewordings of one short question clear it; two questions that
    // merely share a name ("Lavrov's role" / "Lavrov's age") share one term of three and do not.
    public const double Threshold = 0.5;

    public static IReadOnlyList<CoverageGap> Group(IEnumerable<GapCandidate> candidates, int top)
    {
        var groups = new List<Cluster>();
        foreach (var candidate in candidates.OrderBy(c => c.AskedAt).ThenBy(c => c.Question, StringComparer.Ordinal))
        {
            var signature = QuestionTerms.Of(candidate.Question);
            Cluster? best = null;
            var bestScore = -1.0;
            foreach (var group in groups)
            {
                var score = QuestionTerms.Similarity(signature, group.Seed);
                if (score > bestScore)
                {
                    (best, bestScore) = (group, score);
                }
            }

            if (best is null || bestScore < Threshold)
            {
                best = new Cluster(signature);
                groups.Add(best);
            }

            best.Members.Add((candidate, string.Join(' ', WordTokenizer.Words(candidate.Question))));
        }

        return [.. groups.Select(ToGap)
            .OrderByDescending(g => g.Count)
            .ThenByDescending(g => g.LatestAt)
            .ThenBy(g => g.Question, StringComparer.Ordinal)
            .Take(top)];
    }

    private static CoverageGap ToGap(Cluster group)
    {
        // The most frequent wording (ignoring case and punctuation) speaks for the group; among equals, the earliest.
        var representative = group.Members
            .Select((member, index) => (member, index))
            .GroupBy(m => m.member.Key, StringComparer.Ordinal)
            .OrderByDescending(forms => forms.Count())
            .ThenBy(forms => forms.First().index)
            .First()
            .First().member.Candidate;
        return new CoverageGap(
            string.Join(' ', representative.Question.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
            group.Members.Count,
            group.Members.Count(m => m.Candidate.Abstained),
            group.Members.Count(m => m.Candidate.DownVoted),
            group.Members.Max(m => m.Candidate.AskedAt));
    }

    private sealed class Cluster(QuestionSignature seed)
    {
        public QuestionSignature Seed { get; } = seed;

        public List<(GapCandidate Candidate, string Key)> Members { get; } = [];
    }
}
