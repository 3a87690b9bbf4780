using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalksBot.Analytics.Reports;
using TalksBot.Analytics.Storage;
using TalksBot.Core.Analytics;

namespace TalksBot.Analytics;

/// <summary>
/// Questions, citations, feedback and the audit log in one SQLite file, shared safely by a running bot and the
/// CLI (WAL journal, busy timeout, IMMEDIATE write transactions). Opened and migrated lazily on first use so
/// commands that never log stay fast to start.
/// </summary>
public sealed partial class SqliteAnalyticsStore(
    IOptions<AnalyticsOptions> options, TimeProvider time, ILogger<SqliteAnalyticsStore> logger)
    : IQuestionLog, IAuditLog, IAsyncDisposable, IDisposable
{
    // busy_timeout: how long SQLite waits for another process's write lock before failing (our writes take
    // milliseconds). WAL lets readers and one writer proceed together; NORMAL sync is durable enough under WAL.
    private const string OpenPragmas = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; PRAGMA journal_mode = WAL;";
    private const string SaltKey = "user_id_salt";

    private readonly AnalyticsOptions settings = options.Value;
    private readonly SemaphoreSlim gate = new(1, 1);
    private SqliteConnection? connection;
    private UserIdProtector? protector;
    private DateTimeOffset nextRetentionAt;
    private bool disposed;

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath { get; } = Path.GetFullPath(options.Value.DatabasePath);

    /// <summary>Opens the file, applying any pending migrations; other methods do this on first use.</summary>
    public Task OpenAsync(CancellationToken cancellationToken) => RunAsync((_, _) => Task.FromResult(true), cancellationToken);

    public Task RecordQuestionAsync(QuestionLogEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!settings.Enabled)
        {
            return Task.CompletedTask;
        }

        return RunAsync(async (db, ct) =>
        {
            await InsertQuestionAsync(db, entry, ct);
            if (time.GetUtcNow() >= nextRetentionAt)
            {
                await ApplyRetentionAsync(db, ct);
            }

            return true;
        }, cancellationToken);
    }

    public Task<bool> RecordFeedbackAsync(Guid questionId, string? userId, FeedbackVote vote, CancellationToken cancellationToken)
    {
        if (!settings.Enabled)
        {
            return Task.FromResult(false);
        }

        return RunAsync(async (db, ct) =>
        {
            // One vote per user per question: a second click replaces the first (a vote without a user id
            // never matches another, so each counts). The EXISTS guard makes a vote on an unknown or
            // retention-deleted question a no-op the caller can see.
            using var upsert = db.Command("""
                INSERT INTO feedback (question_id, user_hash, vote, at)
                SELECT $id, $user, $vote, $at WHERE EXISTS (SELECT 1 FROM questions WHERE id = $id)
                ON CONFLICT (question_id, user_hash) DO UPDATE SET vote = excluded.vote, at = excluded.at
                """);
            var changed = await upsert.With("$id", questionId.ToString("D"))
                .With("$user", protector!.Protect(userId))
                .With("$vote", vote == FeedbackVote.Up ? "up" : "down")
                .With("$at", time.GetUtcNow().ToUnixTimeMilliseconds())
                .ExecuteNonQueryAsync(ct);
            if (changed == 0)
            {
                LogFeedbackForUnknownQuestion(questionId);
            }

            return changed > 0;
        }, cancellationToken);
    }

    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return RunAsync(async (db, ct) =>
        {
            using var insert = db.Command(
                "INSERT INTO audit (at, actor, action, target, outcome) VALUES ($at, $actor, $action, $target, $outcome)");
            await insert.With("$at", entry.At.ToUnixTimeMilliseconds())
                .With("$actor", entry.Actor)
                .With("$action", entry.Action)
                .With("$target", entry.Target)
                .With("$outcome", entry.Outcome)
                .ExecuteNonQueryAsync(ct);
            return true;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<AuditEntry>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return RunAsync<IReadOnlyList<AuditEntry>>(async (db, ct) =>
        {
            using var query = db.Command("SELECT at, actor, action, target, outcome FROM audit ORDER BY at DESC, id DESC LIMIT $limit")
                .With("$limit", limit);
            var entries = new List<AuditEntry>();
            using var reader = await query.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                entries.Add(new AuditEntry(
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetString(4)));
            }

            return entries;
        }, cancellationToken);
    }

    /// <summary>The moderators' report over questions asked since <paramref name="since"/> (all time when null).</summary>
    /// <param name="top">How many most-cited articles and coverage gaps to list.</param>
    public Task<AnalyticsReport> GetReportAsync(DateTimeOffset? since, int top, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        return RunAsync((db, ct) => ReportQueries.LoadAsync(db, since, top, time.GetUtcNow(), ct), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        gate.Dispose();
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        connection?.Dispose();
        gate.Dispose();
    }

    private async Task<T> RunAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        await gate.WaitAsync(cancellationToken);
        try
        {
            connection ??= await OpenConnectionAsync(cancellationToken);
            return await work(connection, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var db = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            // The connection lives as long as the store; pooling would only keep the file open after disposal.
            Pooling = false,
        }.ToString());
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
            await db.OpenAsync(cancellationToken);
            using (var pragmas = db.Command(OpenPragmas))
            {
                await pragmas.ExecuteNonQueryAsync(cancellationToken);
            }

            var found = await SchemaMigrations.ApplyAsync(db, SchemaMigrations.All, DatabasePath, cancellationToken);
            if (found < SchemaMigrations.Latest)
            {
                LogMigrated(DatabasePath, found, SchemaMigrations.Latest);
            }

            protector = new UserIdProtector(await LoadSaltAsync(db, cancellationToken), settings.HashUserIds);
            await ApplyRetentionAsync(db, cancellationToken);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            await db.DisposeAsync();
            throw new AnalyticsStoreException(
                $"Could not open the analytics database {DatabasePath} (Analytics:DatabasePath): {e.Message}", e);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }

        LogOpened(DatabasePath, SchemaMigrations.Latest, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return db;
    }

    // Idempotent on the question id, so a caller that retries after a timeout does not log the question twice.
    private async Task InsertQuestionAsync(SqliteConnection db, QuestionLogEntry entry, CancellationToken cancellationToken)
    {
        await using var transaction = db.BeginTransaction(deferred: false);
        using (var insert = db.Command("""
            INSERT INTO questions (id, asked_at, channel, user_hash, question, answer, abstained, answerer, latency_ms, notice)
            VALUES ($id, $at, $channel, $user, $question, $answer, $abstained, $answerer, $latency, $notice)
            ON CONFLICT (id) DO NOTHING
            """, transaction))
        {
            var inserted = await insert.With("$id", entry.Id.ToString("D"))
                .With("$at", entry.AskedAt.ToUnixTimeMilliseconds())
                .With("$channel", entry.Channel.ToString())
                .With("$user", protector!.Protect(entry.UserId))
                .With("$question", entry.Question)
                .With("$answer", entry.Answer.Text)
                .With("$abstained", entry.Answer.Abstained)
                .With("$answerer", entry.Answer.Answerer)
                .With("$latency", (long)Math.Round(entry.Latency.TotalMilliseconds))
                .With("$notice", entry.Answer.Notice)
                .ExecuteNonQueryAsync(cancellationToken);
            if (inserted == 0)
            {
                LogDuplicateQuestion(entry.Id);
                return;
            }
        }

        foreach (var citation in entry.Answer.Citations)
        {
            using var cite = db.Command("""
                INSERT INTO citations (question_id, number, article_id, title, passage_id, quote)
                VALUES ($id, $number, $article, $title, $passage, $quote)
                """, transaction);
            await cite.With("$id", entry.Id.ToString("D"))
                .With("$number", citation.Number)
                .With("$article", citation.ArticleId)
                .With("$title", citation.Title)
                .With("$passage", citation.PassageId.ToString("D"))
                .With("$quote", citation.Quote)
                .ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<byte[]> LoadSaltAsync(SqliteConnection db, CancellationToken cancellationToken)
    {
        using var read = db.Command("SELECT value FROM meta WHERE key = $key").With("$key", SaltKey);
        if (await read.ExecuteScalarAsync(cancellationToken) is string existing)
        {
            return Convert.FromBase64String(existing);
        }

        // INSERT OR IGNORE then read back: when two processes create the salt at once, both keep the winner's.
        using (var create = db.Command("INSERT OR IGNORE INTO meta (key, value) VALUES ($key, $value)"))
        {
            await create.With("$key", SaltKey)
                .With("$value", Convert.ToBase64String(RandomNumberGenerator.GetBytes(UserIdProtector.SaltBytes)))
                .ExecuteNonQueryAsync(cancellationToken);
        }

        return Convert.FromBase64String((string)(await read.ExecuteScalarAsync(cancellationToken))!);
    }

    private async Task ApplyRetentionAsync(SqliteConnection db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        nextRetentionAt = now.AddDays(1);
        if (settings.RetentionDays == 0)
        {
            return;
        }

        // Citations and feedback go with their question (ON DELETE CASCADE); the audit log is kept.
        using var delete = db.Command("DELETE FROM questions WHERE asked_at < $cutoff")
            .With("$cutoff", now.AddDays(-settings.RetentionDays).ToUnixTimeMilliseconds());
        var deleted = await delete.ExecuteNonQueryAsync(cancellationToken);
        if (deleted > 0)
        {
            LogRetention(deleted, settings.RetentionDays);
        }
    }

    [LoggerMessage(5001, LogLevel.Debug, "Opened the analytics database {Path} at schema version {Version} in {Milliseconds:F1} ms")]
    private partial void LogOpened(string path, int version, double milliseconds);

    [LoggerMessage(5002, LogLevel.Information, "Migrated the analytics database {Path} from schema version {From} to {To}")]
    private partial void LogMigrated(string path, int from, int to);

    [LoggerMessage(5003, LogLevel.Information, "Deleted {Count} questions older than {Days} days (Analytics:RetentionDays)")]
    private partial void LogRetention(int count, int days);

    [LoggerMessage(5004, LogLevel.Debug, "Feedback for question {QuestionId}, which is not recorded; ignored")]
    private partial void LogFeedbackForUnknownQuestion(Guid questionId);

    [LoggerMessage(5005, LogLevel.Debug, "Question {QuestionId} was already recorded; ignored the repeat")]
    private partial void LogDuplicateQuestion(Guid questionId);
}
