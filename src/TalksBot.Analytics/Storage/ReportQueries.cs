using System.Data.Common;
using System.Globalization;
using TalksBot.Analytics.Reports;

namespace TalksBot.Analytics.Storage;

/// <summary>
/// The SQL behind <see cref="AnalyticsReport"/>; everything is about questions asked in the window. Written once for
/// both providers: COUNT with FILTER rather than SQLite's TOTAL, and text ties ordered here, ordinally, because a
/// PostgreSQL database may collate text by locale where SQLite compares bytes.
/// </summary>
internal static class ReportQueries
{
    public static async Task<AnalyticsReport> LoadAsync(
        DbConnection db, DateTimeOffset? since, int top, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var from = since?.ToUnixTimeMilliseconds() ?? long.MinValue;
        int asked, answered, abstained, up, down;
        using (var counts = db.Command("""
            SELECT COUNT(*), COUNT(*) FILTER (WHERE abstained = 0), COUNT(*) FILTER (WHERE abstained <> 0),
                (SELECT COUNT(*) FROM feedback f JOIN questions fq ON fq.id = f.question_id WHERE f.vote = 'up' AND fq.asked_at >= @from),
                (SELECT COUNT(*) FROM feedback f JOIN questions fq ON fq.id = f.question_id WHERE f.vote = 'down' AND fq.asked_at >= @from)
            FROM questions WHERE asked_at >= @from
            """).With("@from", from))
        using (var reader = await counts.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (asked, answered, abstained, up, down) =
                (reader.GetCount(0), reader.GetCount(1), reader.GetCount(2), reader.GetCount(3), reader.GetCount(4));
        }

        return new AnalyticsReport(
            since,
            now,
            asked,
            answered,
            abstained,
            up,
            down,
            await LatencyPercentileAsync(db, from, asked, 50, cancellationToken),
            await LatencyPercentileAsync(db, from, asked, 95, cancellationToken),
            await MostCitedAsync(db, from, top, cancellationToken),
            GapClusterer.Group(await GapCandidatesAsync(db, from, cancellationToken), top));
    }

    // Nearest-rank: the smallest latency with at least percent% of the values at or below it, i.e. the
    // ceil(percent/100 * n)-th smallest; integer arithmetic so 95% of 20 is exactly the 19th.
    private static async Task<TimeSpan?> LatencyPercentileAsync(
        DbConnection db, long from, int count, int percent, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return null;
        }

        var rank = (int)(((long)percent * count + 99) / 100);
        using var query = db.Command("SELECT latency_ms FROM questions WHERE asked_at >= @from ORDER BY latency_ms LIMIT 1 OFFSET @offset")
            .With("@from", from)
            .With("@offset", rank - 1);
        var value = await query.ExecuteScalarAsync(cancellationToken);
        return TimeSpan.FromMilliseconds(Convert.ToInt64(value, CultureInfo.InvariantCulture));
    }

    private static async Task<IReadOnlyList<CitedArticle>> MostCitedAsync(
        DbConnection db, long from, int top, CancellationToken cancellationToken)
    {
        // Counted per answer, so an answer quoting one article twice counts it once; titled as last cited. One row per
        // cited article (a few hundred at most), so the top is taken here, where ties sort the same on both providers.
        using var query = db.Command("""
            SELECT c.article_id, COUNT(DISTINCT c.question_id) AS answers,
                (SELECT c2.title FROM citations c2 JOIN questions q2 ON q2.id = c2.question_id
                 WHERE c2.article_id = c.article_id ORDER BY q2.asked_at DESC LIMIT 1)
            FROM citations c JOIN questions q ON q.id = c.question_id
            WHERE q.asked_at >= @from
            GROUP BY c.article_id
            """).With("@from", from);
        var articles = new List<CitedArticle>();
        using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            articles.Add(new CitedArticle(reader.GetString(0), reader.GetString(2), reader.GetCount(1)));
        }

        return [.. articles.OrderByDescending(a => a.Answers).ThenBy(a => a.ArticleId, StringComparer.Ordinal).Take(top)];
    }

    private static async Task<IReadOnlyList<GapCandidate>> GapCandidatesAsync(
        DbConnection db, long from, CancellationToken cancellationToken)
    {
        // Down-voted means more 👎 than 👍, so one dissenting click on a well-liked answer is not a gap.
        using var query = db.Command("""
            SELECT q.question, q.asked_at, q.abstained <> 0, COALESCE(v.up, 0) < COALESCE(v.down, 0), q.id
            FROM questions q
            LEFT JOIN (SELECT question_id, COUNT(*) FILTER (WHERE vote = 'up') AS up, COUNT(*) FILTER (WHERE vote = 'down') AS down
                       FROM feedback GROUP BY question_id) v ON v.question_id = q.id
            WHERE q.asked_at >= @from AND (q.abstained <> 0 OR COALESCE(v.up, 0) < COALESCE(v.down, 0))
            """).With("@from", from);
        var rows = new List<(GapCandidate Candidate, string Id)>();
        using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((new GapCandidate(
                reader.GetString(0),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                reader.GetBoolean(2),
                reader.GetBoolean(3)), reader.GetString(4)));
        }

        return [.. rows.OrderBy(r => r.Candidate.AskedAt).ThenBy(r => r.Id, StringComparer.Ordinal).Select(r => r.Candidate)];
    }
}
