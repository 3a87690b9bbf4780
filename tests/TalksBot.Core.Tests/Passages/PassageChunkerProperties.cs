using FsCheck.Fluent;
using TalksBot.Core.Passages;
using TalksBot.Testing.Fuzz;

namespace TalksBot.Core.Tests.Passages;

public sealed class PassageChunkerProperties
{
    [Fact]
    public void EveryPassageQuotesTheArticleTextExactlyAtItsOffsets()
    {
        var cases = Gen.Zip(ArticleText.Any, Gen.Zip(Gen.Choose(200, 8000), Gen.Choose(0, 3)));

        Fuzz.Check(cases, c =>
        {
            var (text, (maxChars, overlap)) = c;
            var chunker = new PassageChunker(new PassageChunkerOptions { MaxChars = maxChars, OverlapSentences = overlap });

            var passages = chunker.Chunk("article", text);

            Assert.NotEmpty(passages);
            Assert.All(passages, p =>
            {
                Assert.InRange(p.Start, 0, p.End);
                Assert.InRange(p.End, p.Start, text.Length);
                Assert.Equal(text[p.Start..p.End], p.Text);
            });
            Assert.Equal(Enumerable.Range(0, passages.Count), passages.Select(p => p.Ordinal));
        });
    }
}
