using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Logging.Abstractions;
using TalksBot.Core.Answering;
using TalksBot.Core.Answering.Ranking;
using TalksBot.Core.Articles;
using TalksBot.Core.Passages;
using TalksBot.Core.Retrieval;
using TalksBot.Testing.Fuzz;

namespace TalksBot.Core.Tests.Answering.Ranking;

public sealed partial class RankedSentenceAnswererProperties
{
    private const string Delegations =
        "On February 18, 2025, officials from the United States and Russia met at the Diriyah venue in Riyadh. "
        + "The Russian delegation, led by Foreign Minister Sergey Lavrov, included Yury Ushakov, the presidential aide for foreign policy.";

    private readonly RankedSentenceAnswerer _answerer = new(TestLexicon.Create(), RankedSentenceAnswererTests.Model(), NullLogger<RankedSentenceAnswerer>.Instance);

    // Articles here hold no pings, so any ping in an answer came from the question.
    private static readonly Gen<string> PinglessArticle = ArticleText.Any.Select(t => Ping().Replace(t, "ping")).Where(t => t.Trim().Length > 0);

    [Fact]
    public void AnyQuestionGetsAnAnswerThatPingsNobodyAndQuotesItsArticleExactly()
    {
        // Passages as retrieval hands them over: chunks of the article, so offsets point into the whole article text.
        var chunker = new PassageChunker();
        var cases = Gen.Zip(HostileText.Any, Gen.OneOf(Gen.Constant(Delegations), PinglessArticle).ListOf(3));

        Fuzz.Check(cases, async c =>
        {
            var (question, texts) = c;
            var articles = texts.Select((text, i) => (Id: $"a{i}", Text: text)).ToDictionary(a => a.Id, a => a.Text);
            var passages = articles.SelectMany(a => chunker.Chunk(a.Key, a.Value).Take(2))
                .Select((p, rank) => new RetrievedPassage(p, new ArticleInfo(p.ArticleId, p.ArticleId, null, null, null), 1.0 / (rank + 1), rank))
                .ToList();

            var answer = await _answerer.AnswerAsync(new AnswerRequest(question, passages, []), TestContext.Current.CancellationToken);

            Assert.NotNull(answer.Text);
            Assert.DoesNotMatch(Ping(), answer.Text);
            Assert.All(answer.Citations, citation =>
                Assert.Equal(articles[citation.ArticleId][citation.QuoteStart..citation.QuoteEnd], citation.Quote));
        });
    }

    [Fact]
    public void AnyQuestionIsReadWithoutAnException()
    {
        var lexicon = TestLexicon.Create();
        var reader = new QuestionReader(new QuestionAnalyzer(lexicon, new SideFinder(lexicon)));

        Fuzz.Check(HostileText.Any, question => Assert.NotNull(reader.Read(question, vector: null)));
    }

    [GeneratedRegex(@"@everyone|@here|<@[!&]?\d+>")]
    private static partial Regex Ping();
}
