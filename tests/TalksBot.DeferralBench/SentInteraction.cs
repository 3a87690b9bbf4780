namespace TalksBot.DeferralBench;

/// <summary>An /ask interaction the bench sent: the id and token its callback and answer are found by.</summary>
internal sealed record SentInteraction(string Id, string Token, string UserId, string Question);
