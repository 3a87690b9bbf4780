namespace TalksBot.Indexing;

/// <summary>One article in the folder or in the served index, and whether questions are answered from it.</summary>
/// <param name="Served">served; not served (added since the last refresh); changed since served; removed from the folder but still served.</param>
internal sealed record ArticleListing(string Id, string Title, DateTimeOffset? Published, string? Url, string Served);
