using Microsoft.Extensions.Options;
using TalksBot.Discord.Replies;
using TalksBot.Discord.Tests.Fakes;

namespace TalksBot.Discord.Tests.Replies;

public sealed class ConversationTrackerTests
{
    private static ConversationTracker Tracker(TimeProvider time, int idleMinutes = 30, int max = 100) =>
        new(Options.Create(new DiscordOptions { ConversationIdleMinutes = idleMinutes, MaxConversations = max }), time);

    [Fact]
    public void AQuestionWithinTheIdleWindowContinuesTheConversation()
    {
        var time = new ManualTimeProvider();
        var tracker = Tracker(time);
        var first = tracker.ConversationFor("1", "7");

        time.Advance(TimeSpan.FromMinutes(29));

        Assert.Equal(first, tracker.ConversationFor("1", "7"));
    }

    [Fact]
    public void EachQuestionRestartsTheIdleWindow()
    {
        var time = new ManualTimeProvider();
        var tracker = Tracker(time);
        var first = tracker.ConversationFor("1", "7");
        time.Advance(TimeSpan.FromMinutes(20));
        tracker.ConversationFor("1", "7");

        time.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(first, tracker.ConversationFor("1", "7"));
    }

    [Fact]
    public void AQuestionAfterTheIdleWindowStartsANewConversation()
    {
        var time = new ManualTimeProvider();
        var tracker = Tracker(time);
        var first = tracker.ConversationFor("1", "7");

        time.Advance(TimeSpan.FromMinutes(30));

        Assert.NotEqual(first, tracker.ConversationFor("1", "7"));
    }

    [Fact]
    public void IdleConversationsAreForgotten()
    {
        var time = new ManualTimeProvider();
        var tracker = Tracker(time);
        tracker.ConversationFor("1", "7");
        tracker.ConversationFor("1", "8");

        time.Advance(TimeSpan.FromMinutes(31));
        tracker.ConversationFor("2", "9");

        Assert.Equal(1, tracker.Count);
    }

    [Fact]
    public void BeyondTheBoundTheLeastRecentlyUsedConversationIsForgotten()
    {
        var tracker = Tracker(new ManualTimeProvider(), max: 2);
        var a = tracker.ConversationFor("1", "a");
        var b = tracker.ConversationFor("1", "b");
        tracker.ConversationFor("1", "a");

        tracker.ConversationFor("1", "c");

        Assert.Equal(2, tracker.Count);
        Assert.Equal(a, tracker.ConversationFor("1", "a"));
        Assert.NotEqual(b, tracker.ConversationFor("1", "b"));
    }
}
