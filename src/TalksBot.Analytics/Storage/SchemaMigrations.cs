using System.Globalization;
using Microsoft.Data.Sqlite;

namespace TalksBot.Analytics.Storage;

/// <summary>
/// The ordered schema history. Append only: a shipped migration is never edited, because databases in the
/// field already ran it; <c>PRAGMA user_version</c> records how far a file has come.
/// </summary>
internal static class SchemaMigrations
{
    public static IReadOnlyList<SchemaMigration> All { get; } =
    [
        new(1, "questions, citations, feedback and the hashing salt", """
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE questions (
                id TEXT PRIMARY KEY,
                asked_at INTEGER NOT NULL,
                channel TEXT NOT NULL,
                user_hash TEXT,
                question TEXT NOT NULL,
                answer TEXT NOT NULL,
                abstained INTEGER NOT NULL,
                answerer TEXT NOT NULL,
                latency_ms INTEGER NOT NULL);
            CREATE INDEX questions_asked_at ON questions (asked_at);
            CREATE TABLE citations (
                question_id TEXT NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
                number INTEGER NOT NULL,
                article_id TEXT NOT NULL,
                title TEXT NOT NULL,
                passage_id TEXT NOT NULL,
                quote TEXT NOT NULL);
            CREATE INDEX citations_question ON citations (question_id);
            CREATE TABLE feedback (
                question_id TEXT NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
                user_hash TEXT,
                vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
                at INTEGER NOT NULL,
                UNIQUE (question_id, user_hash));
            """),
        new(2, "answer notices and the audit log", """
            ALTER TABLE questions ADD COLUMN notice TEXT;
            CREATE TABLE audit (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at INTEGER NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                target TEXT NOT NULL,
                outcome TEXT NOT NULL);
            CREATE INDEX audit_at ON audit (at);
            CREATE INDEX citations_article ON citations (article_id);
            """),
    ];

    public static int Latest => All[^1].Version;

    /// <summary>
    /// Brings the open database up to the last of <paramref name="migrations"/> in one write transaction, so a
    /// bot and a CLI opening the same new file at once migrate it exactly once. Returns the version found.
    /// </summary>
    public static async Task<int> ApplyAsync(
        SqliteConnection connection, IReadOnlyList<SchemaMigration> migrations, string path, CancellationToken cancellationToken)
    {
        var target = migrations.Count == 0 ? 0 : migrations[^1].Version;
        // IMMEDIATE takes the write lock before reading the version, so two openers cannot both migrate.
        await using var transaction = connection.BeginTransaction(deferred: false);
        int found;
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "PRAGMA user_version";
            found = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        if (found > Latest)
        {
            throw new AnalyticsStoreException(
                $"The analytics database {path} has schema version {found}, but this TalksBot understands up to version {Latest}; " +
                "it was written by a newer TalksBot. Upgrade TalksBot, or point Analytics:DatabasePath at another file.");
        }

        if (found >= target)
        {
            return found;
        }

        foreach (var migration in migrations.Where(m => m.Version > found))
        {
            using var step = connection.CreateCommand();
            step.Transaction = transaction;
            step.CommandText = migration.Sql;
            await step.ExecuteNonQueryAsync(cancellationToken);
        }

        using (var stamp = connection.CreateCommand())
        {
            stamp.Transaction = transaction;
            // PRAGMA takes no parameters; the value is our own integer, never input.
            stamp.CommandText = "PRAGMA user_version = " + target.ToString(CultureInfo.InvariantCulture);
            await stamp.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return found;
    }
}
