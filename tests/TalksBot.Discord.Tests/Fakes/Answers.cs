using TalksBot.Core.Answering;

namespace TalksBot.Discord.Tests.Fakes;

internal static class Answers
{
    public static Citation Citation(int number, string articleId, string title, string? url, string quote, DateTimeOffset? published = null) =>
        new(number, articleId, title, url, published ?? new DateTimeOffset(2025, 2, 18, 0, 0, 0, TimeSpan.Zero), Guid.NewGuid(), quote, 0, quote.Length);

    public static AskResult Result(string question, Answer answer) => new(question, answer, [], TimeSpan.FromMilliseconds(5));

    public static AskResult Cited(string question, string text, params Citation[] citations) =>
        Result(question, new Answer(text, false, citations, "fake"));

    /// <summary>An answer engine that answers every question with the same cited answer after <paramref name="delay"/>.</summary>
    public static Func<AskRequest, CancellationToken, Task<AskResult>> After(TimeSpan delay, string text, params Citation[] citations) =>
        async (request, ct) =>
        {
            await Task.Delay(delay, ct);
            return Cited(request.Question, text, citations);
        };
}
