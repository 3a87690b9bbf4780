namespace TalksBot.WebArticles.Importing;

/// <param name="NormalizedUrl">The article's source URL in <see cref="UrlNormalizer"/> form, when it names one.</param>
/// <param name="BodyFingerprint">The <see cref="ContentFingerprint"/> of its body text.</param>
internal sealed record ExistingArticle(string Id, string Path, string? NormalizedUrl, string BodyFingerprint);
