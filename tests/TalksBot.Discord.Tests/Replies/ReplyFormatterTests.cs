using TalksBot.Core.Answering;
using TalksBot.Core.Articles;
using TalksBot.Discord.Replies;
using TalksBot.Discord.Tests.Fakes;

namespace TalksBot.Discord.Tests.Replies;

public sealed class ReplyFormatterTests
{
    private static readonly Guid QuestionId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    [Fact]
    public void SourcesAreNumberedLinkedDatedAndQuoted()
    {
        var answer = new Answer("They met in Riyadh [1].", false,
            [Answers.Citation(1, "a", "Talks open", "https://example.org/a", "The talks lasted four hours.", new DateTimeOffset(2025, 2, 18, 9, 0, 0, TimeSpan.Zero))], "x");

        var content = Assert.Single(ReplyFormatter.FormatAnswer(answer, QuestionId)).Content;

        Assert.Equal("They met in Riyadh [1].\n\n**Sources**\n**[1]** [Talks open](<https://example.org/a>) · example.org · 18 Feb 2025\n> The talks lasted four hours.", content);
    }

    [Fact]
    public void AQuoteThatRepeatsTheAnswerWordForWordIsNotShownAgain()
    {
        var answer = new Answer("The talks lasted  four hours.", false,
            [Answers.Citation(1, "a", "Talks open", "https://www.example.org/a", "The talks lasted four\nhours.")], "x");

        var content = Assert.Single(ReplyFormatter.FormatAnswer(answer, QuestionId)).Content;

        Assert.Equal("The talks lasted  four hours.\n\n**Sources**\n**[1]** [Talks open](<https://www.example.org/a>) · example.org · 18 Feb 2025", content);
    }

    [Fact]
    public void ASourceWithoutAUsableUrlShowsItsTitleUnlinked()
    {
        var answer = new Answer("Yes [1].", false, [Answers.Citation(1, "a", "Talks [draft] open", "javascript:alert(1)", "Q.")], "x");

        var content = ReplyFormatter.FormatAnswer(answer, QuestionId)[0].Content;

        Assert.Contains("**[1]** Talks (draft) open ·", content, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", content, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAbstentionSaysPlainlyThatTheArticlesDoNotCoverIt()
    {
        var answer = new Answer("", true, [], "x");

        var content = Assert.Single(ReplyFormatter.FormatAnswer(answer, QuestionId)).Content;

        Assert.Equal(ReplyFormatter.DefaultAbstention, content);
    }

    [Fact]
    public void ANoticeIsShownAsSmallText()
    {
        var answer = new Answer("Yes [1].", false, [Answers.Citation(1, "a", "T", null, "Q.")], "x", "The language model was unavailable; this answer quotes the articles directly.");

        var content = ReplyFormatter.FormatAnswer(answer, QuestionId)[0].Content;

        Assert.EndsWith("\n-# The language model was unavailable; this answer quotes the articles directly.", content, StringComparison.Ordinal);
    }

    [Fact]
    public void FeedbackButtonsGoUnderTheLastMessageOnly()
    {
        var text = string.Join(' ', Enumerable.Repeat("This sentence is here to make the answer long enough to split.", 60));

        var messages = ReplyFormatter.FormatAnswer(new Answer(text, false, [Answers.Citation(1, "a", "T", null, "Q.")], "x"), QuestionId);

        Assert.True(messages.Count > 1);
        Assert.All(messages.SkipLast(1), m => Assert.Null(m.Components));
        Assert.NotNull(messages[^1].Components);
    }

    [Fact]
    public void ASentenceLongerThanAMessageIsCutAtASpace()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 900)) + ".";

        var parts = ReplyFormatter.Split(text);

        Assert.All(parts, p => Assert.InRange(p.Length, 1, 2000));
        Assert.All(parts, p => Assert.DoesNotContain("wor ", p + " ", StringComparison.Ordinal));
        Assert.Equal(900, parts.Sum(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length));
    }

    [Fact]
    public void LongQuotesAreShortened()
    {
        var quote = string.Join(' ', Enumerable.Repeat("quoted", 100));

        var content = ReplyFormatter.FormatAnswer(new Answer("A [1].", false, [Answers.Citation(1, "a", "T", null, quote)], "x"), QuestionId)[0].Content;

        var quoteLine = content.Split('\n').Single(l => l.StartsWith("> ", StringComparison.Ordinal));
        Assert.True(quoteLine.Length <= 303, $"quote line has {quoteLine.Length} characters");
        Assert.EndsWith("…", quoteLine, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("@everyone look", "@\u200beveryone look")]
    [InlineData("hi @here", "hi @\u200bhere")]
    [InlineData("<@123> and <@&456>", "<@\u200b123> and <@\u200b&456>")]
    public void MentionsAreDefangedVisually(string text, string expected) =>
        Assert.Equal(expected, ReplyFormatter.Defang(text));

    [Fact]
    public void AnEmptyArticleSetSaysSo()
    {
        var messages = ReplyFormatter.FormatSources([]);

        Assert.Equal("No articles are loaded yet.", Assert.Single(messages).Content);
    }

    [Fact]
    public void AManyArticleListIsSplitWithinLimits()
    {
        var articles = Enumerable.Range(1, 80).Select(i => new ArticleInfo($"{i:D3}", $"Article number {i} with a fairly long headline about the talks", $"https://example.org/{i}", null, null)).ToList();

        var messages = ReplyFormatter.FormatSources(articles);

        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.InRange(m.Content.Length, 1, 2000));
        Assert.Contains("80. [Article number 80", messages[^1].Content, StringComparison.Ordinal);
    }
}
