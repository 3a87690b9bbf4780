using System.Globalization;
using TalksBot.Core.Text;

namespace TalksBot.Core.Answering;

/// <summary>Answers who wrote an article, when it was published and where it came from, from the article's metadata.</summary>
internal sealed class ArticleMetadataAnswerer(TermMatcher matcher)
{
    // Share of the question's words the article must cover to be the one meant; below it, no article is.
    private const double MinimumCoverage = 0.5;

    // Keeps "The source link for “title” is url" within a chat-sized answer; past it, the title is left out.
    private const int MaxTitledLinkLength = 260;

    public Answer Answer(QuestionAnalysis question, IReadOnlyList<SentenceCandidate> candidates)
    {
        var article = BestArticle(question, candidates);
        if (article is null)
        {
            return AnswerFactory.Abstain();
        }

        var info = article.Value.Best.Source.Article;
        var title = Clip(info.Title);
        var text = question.Kind switch
        {
            QuestionKind.Author when info.Author is { Length: > 0 } author => $"“{title}” was written by {author}.",
            QuestionKind.Published when info.Published is { } published =>
                $"“{title}” was published on {published.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)} ({published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}).",
            QuestionKind.SourceLink when info.Url is { Length: > 0 } url =>
                title.Length + url.Length <= MaxTitledLinkLength ? $"The source link for “{title}” is {url}" : $"The source link is {url}",
            _ => null,
        };
        return text is null
            ? AnswerFactory.Abstain("The articles don't give that detail for the article you mean.")
            : AnswerFactory.Answer(text, [AnswerFactory.Cite(1, article.Value.Best)]);
    }

    // The article the question describes: its title and its best sentence (with neighbours) together cover most of the question.
    private (double Score, SentenceCandidate Best)? BestArticle(QuestionAnalysis question, IReadOnlyList<SentenceCandidate> candidates)
    {
        (double Score, SentenceCandidate Best)? best = null;
        foreach (var group in candidates.GroupBy(c => c.ArticleId))
        {
            var info = group.First().Source.Article;
            var titleTerms = WordTokenizer.Terms(info.Title).Concat(AddressTerms(info.Url)).ToHashSet(StringComparer.Ordinal);
            var top = group
                .OrderByDescending(c => Covered(question, [.. titleTerms, .. c.Terms, .. c.Context]))
                .ThenBy(c => c.Source.Rank)
                .First();
            var covered = Covered(question, [.. titleTerms, .. top.Terms, .. top.Context]);
            var score = (question.Terms.Count == 0 ? 1 : covered / (double)question.Terms.Count) - (group.Min(c => c.Source.Rank) * 0.01);
            if (best is null || score > best.Value.Score)
            {
                best = (score, top);
            }
        }

        return best is { Score: >= MinimumCoverage } b ? b : null;
    }

    // A news address names its outlet and, in its slug, its story ("…/u-s-russia-hold-first-talks…-the-washington-post/"),
    // so "the Washington Post article" finds the article even when its title does not say so.
    private static IEnumerable<string> AddressTerms(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var address)
            ? WordTokenizer.Terms(string.Join(' ', address.Host, Uri.UnescapeDataString(address.AbsolutePath)).Replace('-', ' ').Replace('.', ' '))
            : [];

    private int Covered(QuestionAnalysis question, HashSet<string> terms) =>
        question.Terms.Count(t => matcher.Matches(t.Stem, terms));

    private static string Clip(string title) =>
        title.Length <= 120 ? title : title[..title.LastIndexOf(' ', 118)] + "…";

    internal static bool IsMetadata(QuestionKind kind) =>
        kind is QuestionKind.Author or QuestionKind.Published or QuestionKind.SourceLink;
}
