using System.Text.Json.Serialization;

namespace TalksBot.Indexing;

/// <summary>A refresh in progress, or how the last one ended; kept in memory and in the status file for other processes.</summary>
/// <param name="Operation">refresh, rollback or initial build.</param>
/// <param name="Phase">loading, cleaning up, indexing, done, failed.</param>
/// <param name="Outcome">Null while running; "ok: ..." or "failed: reason" once finished.</param>
internal sealed record RefreshStatus(
    string Operation,
    string Actor,
    int ProcessId,
    DateTimeOffset StartedAt,
    string Phase,
    int PassagesDone,
    int PassagesTotal,
    DateTimeOffset? FinishedAt = null,
    string? Outcome = null)
{
    [JsonIgnore]
    public bool Finished => FinishedAt is not null;

    public string Describe() => Finished
        ? $"last {Operation} by {Actor} started {StartedAt:u}, finished {FinishedAt:u}: {Outcome}"
        : $"{Operation} by {Actor} (process {ProcessId}) started {StartedAt:u}: {Phase}, {PassagesDone}/{PassagesTotal} passages";
}
