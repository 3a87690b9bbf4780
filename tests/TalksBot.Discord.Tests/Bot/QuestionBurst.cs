using System.Globalization;
using TalksBot.Discord.Limits;
using TalksBot.Testing.FakeDiscord;

namespace TalksBot.Discord.Tests.Bot;

/// <summary>
/// Sends many questions at once, alternating <c>/ask</c> interactions and mentions, each from its own member (so the
/// per-user limit stays out of the way), and reads back from the fake Discord what each one got.
/// </summary>
internal sealed class QuestionBurst
{
    private readonly BotHarness _bot;
    private readonly FakeGatewayConnection _gateway;
    private readonly List<Question> _questions = [];

    public QuestionBurst(BotHarness bot, FakeGatewayConnection gateway)
    {
        _bot = bot;
        _gateway = gateway;
    }

    /// <summary>
    /// Sends <paramref name="count"/> more questions back to back: every other one an interaction unless
    /// <paramref name="interactionsOnly"/>. Each is timed from when it is written to the socket, not from when the burst began.
    /// </summary>
    public async Task SendAsync(int count, bool interactionsOnly = false)
    {
        for (var sent = 0; sent < count; sent++)
        {
            var i = _questions.Count;
            var n = i.ToString("D14", CultureInfo.InvariantCulture);
            var question = new Question(interactionsOnly || i % 2 == 0, "71" + n + "00", "burst" + n, "22" + n + "00", DateTimeOffset.UtcNow);
            _questions.Add(question);
            await (question.IsInteraction
                ? _gateway.SendDispatchAsync("INTERACTION_CREATE", FakeDiscordEvents.SlashCommand(question.Id, question.Token, _bot.Discord.ApplicationId, "ask",
                    question.UserId, new Dictionary<string, string> { ["question"] = $"Question {i}?" }))
                : _gateway.SendDispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message(question.Id, question.UserId,
                    $"<@{_bot.Discord.BotUserId}> Question {i}?", mentionIds: [_bot.Discord.BotUserId])));
        }
    }

    /// <summary>Waits until every question has its final response, then a little longer so duplicates would show.</summary>
    public async Task<IReadOnlyList<Outcome>> WaitForOutcomesAsync(TimeSpan timeout)
    {
        await Eventually.UntilAsync(() => Outcomes().All(o => o.Done), timeout);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        return Outcomes();
    }

    public static void AssertEachRespondedOnce(IReadOnlyList<Outcome> outcomes) =>
        Assert.All(outcomes, o => Assert.True(o.RespondedOnce, $"{(o.Question.IsInteraction ? "interaction" : "message")} {o.Question.Id}: "
            + $"{o.Acknowledgements.Count} acknowledgement(s), {o.Responses.Count} response(s)"));

    private List<Outcome> Outcomes()
    {
        var requests = _bot.Discord.Requests;
        var repliesTo = requests
            .Where(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal))
            .ToLookup(r => r.Json.TryGetProperty("message_reference", out var reference) ? reference.GetProperty("message_id").GetString() : null);
        return [.. _questions.Select(q =>
        {
            if (!q.IsInteraction)
            {
                var replies = repliesTo[q.Id].ToList();
                return new Outcome(q, replies, replies, replies.Count > 0 && replies[0].Json.GetProperty("content").GetString() == BusyReply.Text);
            }

            var callbacks = requests.Where(r => r.Method == "POST" && r.Path.StartsWith($"/interactions/{q.Id}/", StringComparison.Ordinal)).ToList();
            var webhook = requests.Where(r => r.Path.StartsWith($"/webhooks/{_bot.Discord.ApplicationId}/{q.Token}", StringComparison.Ordinal)).ToList();
            var busy = callbacks.Count > 0 && BotHarness.CallbackType(callbacks[0]) == 4;
            return new Outcome(q, callbacks, busy ? [.. callbacks, .. webhook] : webhook, busy);
        })];
    }

    public sealed record Question(bool IsInteraction, string Id, string Token, string UserId, DateTimeOffset SentAt);

    /// <param name="Acknowledgements">The interaction callbacks, or the replies to a mention.</param>
    /// <param name="Responses">What the member sees: the busy callback, or the edit of the deferred response and any
    /// follow-ups; the replies to a mention.</param>
    public sealed record Outcome(Question Question, IReadOnlyList<RecordedRequest> Acknowledgements, IReadOnlyList<RecordedRequest> Responses, bool Busy)
    {
        public bool Done => Responses.Count > 0;

        public TimeSpan AcknowledgedAfter => Acknowledgements[0].At - Question.SentAt;

        /// <summary>One acknowledgement and one response; a busy interaction's is ephemeral, so only the asker sees it.</summary>
        public bool RespondedOnce => Acknowledgements.Count == 1 && Responses.Count == 1
            && (!Busy || !Question.IsInteraction || IsEphemeralBusy(Acknowledgements[0]));

        private static bool IsEphemeralBusy(RecordedRequest callback) =>
            callback.Json.GetProperty("data") is var data
            && data.GetProperty("flags").GetInt32() == 64
            && data.GetProperty("content").GetString() == BusyReply.Text;
    }
}
