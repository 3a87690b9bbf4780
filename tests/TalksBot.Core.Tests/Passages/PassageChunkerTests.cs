using TalksBot.Core.Passages;
using TalksBot.Core.Tests.Articles;
using TalksBot.Core.Text;

namespace TalksBot.Core.Tests.Passages;

public sealed class PassageChunkerTests
{
    private readonly PassageChunker _chunker = new();

    public static TheoryData<string> SeedIds => [.. SeedArticles.Ids];

    [Theory]
    [MemberData(nameof(SeedIds))]
    public async Task EveryPassageIsTheArticleTextAtItsOffsets(string id)
    {
        var article = await SeedArticles.LoadAsync(id);

        var passages = _chunker.Chunk(article);

        Assert.NotEmpty(passages);
        Assert.All(passages, p => Assert.Equal(article.Text[p.Start..p.End], p.Text));
    }

    [Theory]
    [MemberData(nameof(SeedIds))]
    public async Task PassagesTogetherCoverEveryCharacterOfTheArticle(string id)
    {
        var article = await SeedArticles.LoadAsync(id);
        var covered = new bool[article.Text.Length];

        foreach (var passage in _chunker.Chunk(article))
        {
            Array.Fill(covered, true, passage.Start, passage.End - passage.Start);
        }

        Assert.All(Enumerable.Range(0, covered.Length).Where(i => !covered[i]), i => Assert.True(char.IsWhiteSpace(article.Text[i])));
    }

    [Theory]
    [MemberData(nameof(SeedIds))]
    public async Task NoPassageIsOnlyAHeading(string id)
    {
        var article = await SeedArticles.LoadAsync(id);

        var passages = _chunker.Chunk(article);

        Assert.All(passages, p => Assert.NotEqual(p.Heading, p.Text.Trim()));
    }

    [Theory]
    [MemberData(nameof(SeedIds))]
    public async Task OrdinalsCountFromZeroInReadingOrder(string id)
    {
        var article = await SeedArticles.LoadAsync(id);

        var passages = _chunker.Chunk(article);

        Assert.Equal(Enumerable.Range(0, passages.Count), passages.Select(p => p.Ordinal));
        Assert.Equal(passages.OrderBy(p => p.Start).Select(p => p.Ordinal), passages.Select(p => p.Ordinal));
    }

    [Fact]
    public async Task AgendaTableStaysWholeInOnePassage()
    {
        var article = await SeedArticles.LoadAsync(SeedArticles.WithTable);

        var passages = _chunker.Chunk(article);

        Assert.Single(passages, p =>
            p.Text.Contains("Agenda Points", StringComparison.Ordinal)
            && p.Text.Contains("Russia’s Position", StringComparison.Ordinal)
            && p.Text.Contains("Humanitarian Aid", StringComparison.Ordinal)
            && p.Text.Contains("Calls for equitable distribution of aid", StringComparison.Ordinal)
            && p.Text.Contains("Focus on recognizing territorial claims", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TableTravelsWithTheSentenceThatIntroducesIt()
    {
        var article = await SeedArticles.LoadAsync(SeedArticles.WithTable);

        var passage = _chunker.Chunk(article).Single(p => p.Text.Contains("Agenda Points", StringComparison.Ordinal));

        Assert.Contains("the following snapshots were highlighted during the talks:", passage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TablePassageParsedOnItsOwnStillYieldsTheTable()
    {
        var article = await SeedArticles.LoadAsync(SeedArticles.WithTable);
        var passage = _chunker.Chunk(article).Single(p => p.Text.Contains("Agenda Points", StringComparison.Ordinal));

        var table = TextBlockParser.Parse(passage.Text).Single(b => b.Kind == TextBlockKind.Table).Table!;

        var cell = table.Cell(0, 2);
        Assert.Equal("Calls for equitable distribution of aid", cell.Text);
        Assert.Equal(cell.Text, article.Text[(passage.Start + cell.Start)..(passage.Start + cell.End)]);
    }

    [Fact]
    public async Task PassagesCarryTheNearestHeadingAbove()
    {
        var article = await SeedArticles.LoadAsync(SeedArticles.WithHeadingTitle);

        var passage = _chunker.Chunk(article).Single(p => p.Text.Contains("Sergei Ryabkov", StringComparison.Ordinal));

        Assert.Equal("Russia’s Perspective on Improving Relations", passage.Heading);
        Assert.StartsWith("Russia’s Perspective on Improving Relations\n", passage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void PassagesBeforeAnyHeadingHaveNone()
    {
        var passages = _chunker.Chunk("a", "The talks began.\nSecond Part\nThey ended.");

        Assert.Null(passages[0].Heading);
        Assert.Equal("Second Part", passages[1].Heading);
    }

    [Fact]
    public void ListStaysWholeWithItsIntroduction()
    {
        var items = string.Join('\n', Enumerable.Range(1, 6).Select(i => $"Point {i}: Item number {i} of the list has a fairly long explanation here."));
        var text = $"Background\n{Sentences(8)}\nKey concerns include:\n{items}\n{Sentences(3)}";

        var passages = new PassageChunker(new PassageChunkerOptions { MaxChars = 700 }).Chunk("a", text);

        var withList = Assert.Single(passages, p => p.Text.Contains("Point 1:", StringComparison.Ordinal));
        Assert.Contains("Key concerns include:\nPoint 1:", withList.Text, StringComparison.Ordinal);
        Assert.Contains("Point 6:", withList.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void VeryLongListIsSplitBetweenItemsNeverInsideOne()
    {
        var items = Enumerable.Range(1, 20).Select(i => $"Point {i}: Item number {i} of the list has a fairly long explanation here.").ToList();
        var text = "Concerns\n" + string.Join('\n', items) + "\nThat is all.";

        var passages = new PassageChunker(new PassageChunkerOptions { MaxChars = 300 }).Chunk("a", text);

        Assert.True(passages.Count > 2);
        Assert.All(items, item => Assert.Contains(passages, p => p.Text.Contains(item, StringComparison.Ordinal)));
    }

    [Fact]
    public void LongParagraphIsSplitAtSentencesWithOneSentenceOverlap()
    {
        var text = "Long Section\n" + Sentences(30);

        var passages = new PassageChunker(new PassageChunkerOptions { MaxChars = 400 }).Chunk("a", text);

        Assert.True(passages.Count > 2);
        for (var i = 1; i < passages.Count; i++)
        {
            Assert.True(passages[i].Start < passages[i - 1].End, $"passage {i} does not overlap the one before");
            Assert.EndsWith(".", passages[i - 1].Text, StringComparison.Ordinal);
            Assert.StartsWith("Sentence", passages[i].Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WithoutOverlapSplitPassagesDoNotShareText()
    {
        var text = "Long Section\n" + Sentences(30);

        var passages = new PassageChunker(new PassageChunkerOptions { MaxChars = 400, OverlapSentences = 0 }).Chunk("a", text);

        Assert.All(passages.Skip(1).Zip(passages), pair => Assert.True(pair.First.Start >= pair.Second.End));
    }

    [Fact]
    public void SplitPassagesStayWithinTheSizeLimitWhenSentencesAreShort()
    {
        var text = "Long Section\n" + Sentences(30);

        var passages = new PassageChunker(new PassageChunkerOptions { MaxChars = 400 }).Chunk("a", text);

        Assert.All(passages, p => Assert.True(p.Text.Length <= 400, $"{p.Text.Length} chars"));
    }

    [Fact]
    public async Task IdsAreTheSameAcrossRunsAndChunkers()
    {
        var article = await SeedArticles.LoadAsync(SeedArticles.WithTable);

        var first = new PassageChunker().Chunk(article).Select(p => p.Id);
        var second = new PassageChunker().Chunk(article).Select(p => p.Id);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task IdsDifferBetweenPassagesOfAllArticles()
    {
        var articles = await Task.WhenAll(SeedArticles.Ids.Select(SeedArticles.LoadAsync));

        var ids = articles.SelectMany(_chunker.Chunk).Select(p => p.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void ChangingTheTextChangesThePassageId()
    {
        var before = _chunker.Chunk("a", "The talks began on Monday.")[0];
        var after = _chunker.Chunk("a", "The talks began on Tuesday.")[0];

        Assert.NotEqual(before.Id, after.Id);
    }

    [Fact]
    public void FingerprintNamesTheRulesVersionAndTheOptions()
    {
        var fingerprint = new PassageChunker(new PassageChunkerOptions { MaxChars = 777 }).Fingerprint;

        Assert.Contains(PassageChunker.Version, fingerprint, StringComparison.Ordinal);
        Assert.Contains("777", fingerprint, StringComparison.Ordinal);
    }

    private static string Sentences(int count) =>
        string.Join(' ', Enumerable.Range(1, count).Select(i => $"Sentence {i} says something about the talks in some detail."));
}
