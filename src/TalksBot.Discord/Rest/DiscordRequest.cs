namespace TalksBot.Discord.Rest;

/// <summary>One REST call.</summary>
/// <param name="Route">The route template with its major parameter, e.g. <c>POST /channels/{channel_id}/messages</c>; logged instead of the path, which can hold an interaction token.</param>
/// <param name="MajorId">Channel, guild or webhook id: Discord keeps a separate bucket per major parameter.</param>
/// <param name="Retryable">Safe to send twice (GET/PUT/PATCH, or a message create carrying a nonce).</param>
/// <param name="GlobalExempt">Interaction callbacks do not count against the global limit.</param>
internal sealed record DiscordRequest(
    HttpMethod Method,
    string Path,
    string Route,
    string MajorId,
    byte[]? Body,
    bool Retryable,
    bool GlobalExempt = false);
