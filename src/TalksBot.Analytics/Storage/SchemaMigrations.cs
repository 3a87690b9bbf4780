using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace TalksBot.Analytics.Storage;

/// <summary>
/// The ordered schema history, one list for both providers so they always stand at the same version. Append only: a
/// shipped migration is never edited, because databases in the field already ran it; <c>PRAGMA user_version</c> (SQLite)
/// or the <c>schema_version</c> table (PostgreSQL) records how far a database has come. Steps 1 and 2 carry a
/// PostgreSQL text because they predate it and use SQLite's integer and key spellings; new steps are written once, in
/// SQL both accept (BIGINT for 64-bit values, no AUTOINCREMENT).
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
            """,
            // PostgreSQL's INTEGER is 32 bits: Unix milliseconds need BIGINT (SQLite's INTEGER is already 64 bits,
            // and its shipped text is never edited).
            """
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE questions (
                id TEXT PRIMARY KEY,
                asked_at BIGINT NOT NULL,
                channel TEXT NOT NULL,
                user_hash TEXT,
                question TEXT NOT NULL,
                answer TEXT NOT NULL,
                abstained INTEGER NOT NULL,
                answerer TEXT NOT NULL,
                latency_ms BIGINT NOT NULL);
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
                at BIGINT NOT NULL,
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
            """,
            // AUTOINCREMENT is SQLite's; PostgreSQL spells a generated key as an identity column.
            """
            ALTER TABLE questions ADD COLUMN notice TEXT;
            CREATE TABLE audit (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                at BIGINT NOT NULL,
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
    /// Brings the open SQLite database up to the last of <paramref name="migrations"/> in one write transaction, so a
    /// bot and a CLI opening the same new file at once migrate it exactly once. Returns the version found.
    /// </summary>
    public static async Task<int> ApplyAsync(
        SqliteConnection connection, IReadOnlyList<SchemaMigration> migrations, string path, CancellationToken cancellationToken)
    {
        // IMMEDIATE takes the write lock before reading the version, so two openers cannot both migrate.
        await using var transaction = connection.BeginTransaction(deferred: false);
        return await ApplyAsync(connection, transaction, AnalyticsProvider.Sqlite, migrations,
            $"The analytics database {path}", "point Analytics:DatabasePath at another file", cancellationToken);
    }

    /// <summary>
    /// Brings the PostgreSQL database up to the last of <paramref name="migrations"/> in one transaction (PostgreSQL's
    /// DDL is transactional) under an advisory lock, so processes starting at once migrate it exactly once.
    /// </summary>
    public static async Task<int> ApplyAsync(
        NpgsqlConnection connection, IReadOnlyList<SchemaMigration> migrations, string location, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The transaction-level lock is released by the commit or rollback; a second opener waits here, then reads
        // the version the first one stamped.
        using (var setUp = connection.Command("""
            SELECT pg_advisory_xact_lock(@key);
            CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
            """, transaction).With("@key", AdvisoryLockKeys.Migrations))
        {
            await setUp.ExecuteNonQueryAsync(cancellationToken);
        }

        return await ApplyAsync(connection, transaction, AnalyticsProvider.Postgres, migrations,
            $"The analytics database {location}", "point Analytics:ConnectionString at another database", cancellationToken);
    }

    private static async Task<int> ApplyAsync(DbConnection connection, DbTransaction transaction, AnalyticsProvider provider,
        IReadOnlyList<SchemaMigration> migrations, string database, string elsewhere, CancellationToken cancellationToken)
    {
        var postgres = provider == AnalyticsProvider.Postgres;
        var target = migrations.Count == 0 ? 0 : migrations[^1].Version;
        int found;
        using (var read = connection.Command(postgres ? "SELECT COALESCE(MAX(version), 0) FROM schema_version" : "PRAGMA user_version", transaction))
        {
            found = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        if (found > Latest)
        {
            throw new AnalyticsStoreException(
                $"{database} has schema version {found}, but this TalksBot understands up to version {Latest}; " +
                $"it was written by a newer TalksBot. Upgrade TalksBot, or {elsewhere}.");
        }

        if (found >= target)
        {
            return found;
        }

        foreach (var migration in migrations.Where(m => m.Version > found))
        {
            using var step = connection.Command(migration.SqlFor(provider), transaction);
            await step.ExecuteNonQueryAsync(cancellationToken);
        }

        // PRAGMA takes no parameters; the value is our own integer, never input.
        var version = target.ToString(CultureInfo.InvariantCulture);
        using (var stamp = connection.Command(
            postgres ? $"DELETE FROM schema_version; INSERT INTO schema_version (version) VALUES ({version})" : "PRAGMA user_version = " + version,
            transaction))
        {
            await stamp.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return found;
    }
}
