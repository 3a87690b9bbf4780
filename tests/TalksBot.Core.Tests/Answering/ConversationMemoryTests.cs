using TalksBot.Core.Answering;

namespace TalksBot.Core.Tests.Answering;

public sealed class ConversationMemoryTests
{
    private static ConversationTurn Turn(string question) => new(question, new Answer("…", false, [], "extractive"));

    [Fact]
    public void KeepsOnlyTheLastConfiguredNumberOfTurnsOldestFirst()
    {
        var memory = new ConversationMemory(new AnsweringOptions { HistoryTurns = 2 });

        memory.Add("c", Turn("one"));
        memory.Add("c", Turn("two"));
        memory.Add("c", Turn("three"));

        Assert.Equal(["two", "three"], memory.Get("c").Select(t => t.Question));
    }

    [Fact]
    public void ForgetsTheLeastRecentlyUsedConversationWhenFull()
    {
        var memory = new ConversationMemory(new AnsweringOptions { MaxConversations = 2 });
        memory.Add("a", Turn("a1"));
        memory.Add("b", Turn("b1"));
        memory.Get("a");

        memory.Add("c", Turn("c1"));

        Assert.Equal(2, memory.Count);
        Assert.Empty(memory.Get("b"));
        Assert.Single(memory.Get("a"));
    }

    [Fact]
    public void ConversationsDoNotSeeEachOthersTurns()
    {
        var memory = new ConversationMemory(new AnsweringOptions());

        memory.Add("a", Turn("a1"));

        Assert.Empty(memory.Get("b"));
    }

    [Fact]
    public void ConcurrentAddsFromManyThreadsStayWithinBounds()
    {
        var memory = new ConversationMemory(new AnsweringOptions { HistoryTurns = 3, MaxConversations = 10 });

        Parallel.For(0, 2000, i => memory.Add($"c{i % 25}", Turn($"q{i}")));

        Assert.Equal(10, memory.Count);
        Assert.All(Enumerable.Range(0, 25).Select(i => memory.Get($"c{i}")), turns => Assert.True(turns.Count <= 3));
    }
}
