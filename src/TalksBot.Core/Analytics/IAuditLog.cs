namespace TalksBot.Core.Analytics;

/// <summary>Records every add, remove, refresh and rollback.</summary>
public interface IAuditLog
{
    /// <summary>Appends an entry.</summary>
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The newest entries first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(int limit, CancellationToken cancellationToken);
}
