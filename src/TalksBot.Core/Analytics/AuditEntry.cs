namespace TalksBot.Core.Analytics;

/// <summary>One change to the article set or index: who, when, what, and how it ended.</summary>
/// <param name="Actor">A Discord user (e.g. <c>discord:1234</c>) or a local user (e.g. <c>local:alice</c>).</param>
/// <param name="Action">add, remove, refresh, rollback.</param>
/// <param name="Target">What was acted on: an article id, a URL, a collection name.</param>
/// <param name="Outcome">e.g. <c>ok: 4 articles, 37 passages</c> or <c>failed: ...</c>.</param>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string Target, string Outcome);
