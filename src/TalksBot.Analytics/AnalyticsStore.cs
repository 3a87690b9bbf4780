using System.Data.Common;
using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using TalksBot.Analytics.Reports;
using TalksBot.Analytics.Storage;
using TalksBot.Core.Analytics;

namespace TalksBot.Analytics;

/// <summary>
/// Questions, citations, feedback and the audit log, with the moderators' report: the SQL and the rules (hashing,
/// retention, idempotent writes) shared by both providers. <see cref="SqliteAnalyticsStore"/> and
/// <see cref="PostgresAnalyticsStore"/> only say how a connection is had and the schema is brought up to date.
/// </summary>
public abstract partial class AnalyticsStore : IQuestionLog, IAuditLog, IAsyncDisposable, IDisposable
{
    private const string SaltKey = "user_id_salt";

    private readonly AnalyticsOptions settings;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private UserIdProtector? protector;
    private long nextRetentionAt;

    private protected AnalyticsStore(AnalyticsOptions settings, TimeProvider time, ILogger logger)
    {
        this.settings = settings;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>Where the data lives, for messages: the SQLite file, or PostgreSQL's host, port and database (never the password).</summary>
    public abstract string Location { get; }

    /// <summary>Opens the database, applying any pending migrations; other methods do this on first use.</summary>
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
            if (time.GetUtcNow().UtcTicks >= Interlocked.Read(ref nextRetentionAt))
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
                SELECT @id, @user, @vote, @at WHERE EXISTS (SELECT 1 FROM questions WHERE id = @id)
                ON CONFLICT (question_id, user_hash) DO UPDATE SET vote = excluded.vote, at = excluded.at
                """);
            var changed = await upsert.With("@id", questionId.ToString("D"))
                .With("@user", protector!.Protect(userId))
                .With("@vote", vote == FeedbackVote.Up ? "up" : "down")
                .With("@at", time.GetUtcNow().ToUnixTimeMilliseconds())
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
                "INSERT INTO audit (at, actor, action, target, outcome) VALUES (@at, @actor, @action, @target, @outcome)");
            await insert.With("@at", entry.At.ToUnixTimeMilliseconds())
                .With("@actor", entry.Actor)
                .With("@action", entry.Action)
                .With("@target", entry.Target)
                .With("@outcome", entry.Outcome)
                .ExecuteNonQueryAsync(ct);
            return true;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<AuditEntry>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return RunAsync<IReadOnlyList<AuditEntry>>(async (db, ct) =>
        {
            using var query = db.Command("SELECT at, actor, action, target, outcome FROM audit ORDER BY at DESC, id DESC LIMIT @limit")
                .With("@limit", limit);
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

    public abstract ValueTask DisposeAsync();

    public abstract void Dispose();

    /// <summary>Runs <paramref name="work"/> on an open connection to the migrated database.</summary>
    private protected abstract Task<T> RunAsync<T>(Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>A transaction that writes: SQLite must take its write lock up front (IMMEDIATE) or two writers deadlock.</summary>
    private protected abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection db, CancellationToken cancellationToken);

    /// <summary>Brings the schema up to the latest version, each provider its own way; returns the version found.</summary>
    private protected abstract Task<int> MigrateAsync(DbConnection db, CancellationToken cancellationToken);

    /// <summary>Once per store, on its first connection: the migrations, the hashing salt and the first retention pass.</summary>
    private protected async Task StartUpAsync(DbConnection db, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var found = await MigrateAsync(db, cancellationToken);
        if (found < SchemaMigrations.Latest)
        {
            LogMigrated(Location, found, SchemaMigrations.Latest);
        }

        protector = new UserIdProtector(await LoadSaltAsync(db, cancellationToken), settings.HashUserIds);
        await ApplyRetentionAsync(db, cancellationToken);
        LogOpened(Location, SchemaMigrations.Latest, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    // Idempotent on the question id, so a caller that retries after a timeout does not log the question twice.
    private async Task InsertQuestionAsync(DbConnection db, QuestionLogEntry entry, CancellationToken cancellationToken)
    {
        await using var transaction = await BeginWriteAsync(db, cancellationToken);
        using (var insert = db.Command("""
            INSERT INTO questions (id, asked_at, channel, user_hash, question, answer, abstained, answerer, latency_ms, notice)
            VALUES (@id, @at, @channel, @user, @question, @answer, @abstained, @answerer, @latency, @notice)
            ON CONFLICT (id) DO NOTHING
            """, transaction))
        {
            var inserted = await insert.With("@id", entry.Id.ToString("D"))
                .With("@at", entry.AskedAt.ToUnixTimeMilliseconds())
                .With("@channel", entry.Channel.ToString())
                .With("@user", protector!.Protect(entry.UserId))
                .With("@question", entry.Question)
                .With("@answer", entry.Answer.Text)
                .With("@abstained", entry.Answer.Abstained ? 1 : 0)
                .With("@answerer", entry.Answer.Answerer)
                .With("@latency", (long)Math.Round(entry.Latency.TotalMilliseconds))
                .With("@notice", entry.Answer.Notice)
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
                VALUES (@id, @number, @article, @title, @passage, @quote)
                """, transaction);
            await cite.With("@id", entry.Id.ToString("D"))
                .With("@number", citation.Number)
                .With("@article", citation.ArticleId)
                .With("@title", citation.Title)
                .With("@passage", citation.PassageId.ToString("D"))
                .With("@quote", citation.Quote)
                .ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<byte[]> LoadSaltAsync(DbConnection db, CancellationToken cancellationToken)
    {
        using var read = db.Command("SELECT value FROM meta WHERE key = @key").With("@key", SaltKey);
        if (await read.ExecuteScalarAsync(cancellationToken) is string existing)
        {
            return Convert.FromBase64String(existing);
        }

        // Insert unless present, then read back: when two processes create the salt at once, both keep the winner's.
        using (var create = db.Command("INSERT INTO meta (key, value) VALUES (@key, @value) ON CONFLICT (key) DO NOTHING"))
        {
            await create.With("@key", SaltKey)
                .With("@value", Convert.ToBase64String(RandomNumberGenerator.GetBytes(UserIdProtector.SaltBytes)))
                .ExecuteNonQueryAsync(cancellationToken);
        }

        return Convert.FromBase64String((string)(await read.ExecuteScalarAsync(cancellationToken))!);
    }

    private async Task ApplyRetentionAsync(DbConnection db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        Interlocked.Exchange(ref nextRetentionAt, now.AddDays(1).UtcTicks);
        if (settings.RetentionDays == 0)
        {
            return;
        }

        // Citations and feedback go with their question (ON DELETE CASCADE); the audit log is kept.
        using var delete = db.Command("DELETE FROM questions WHERE asked_at < @cutoff")
            .With("@cutoff", now.AddDays(-settings.RetentionDays).ToUnixTimeMilliseconds());
        var deleted = await delete.ExecuteNonQueryAsync(cancellationToken);
        if (deleted > 0)
        {
            LogRetention(deleted, settings.RetentionDays);
        }
    }

    [LoggerMessage(5001, LogLevel.Debug, "Opened the analytics database {Location} at schema version {Version} in {Milliseconds:F1} ms")]
    private partial void LogOpened(string location, int version, double milliseconds);

    [LoggerMessage(5002, LogLevel.Information, "Migrated the analytics database {Location} from schema version {From} to {To}")]
    private partial void LogMigrated(string location, int from, int to);

    [LoggerMessage(5003, LogLevel.Information, "Deleted {Count} questions older than {Days} days (Analytics:RetentionDays)")]
    private partial void LogRetention(int count, int days);

    [LoggerMessage(5004, LogLevel.Debug, "Feedback for question {QuestionId}, which is not recorded; ignored")]
    private partial void LogFeedbackForUnknownQuestion(Guid questionId);

    [LoggerMessage(5005, LogLevel.Debug, "Question {QuestionId} was already recorded; ignored the repeat")]
    private partial void LogDuplicateQuestion(Guid questionId);
}
