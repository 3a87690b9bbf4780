using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using TalksBot.Core.Answering;
using TalksBot.Discord.Replies;
using TalksBot.Discord.Rest;
using TalksBot.Discord.Tests.Fakes;
using TalksBot.Testing.Fuzz;

namespace TalksBot.Discord.Tests.Replies;

public sealed class ReplyFormatterProperties
{
    private static readonly Gen<Citation> Cited = Gen.Zip(Gen.Zip(HostileText.Any, HostileText.Any), Gen.Elements<string?>(null, "https://example.org/a", "javascript:alert(1)", "<@123>", "https://x/)@everyone"))
        .Select(t => Answers.Citation(1, "a", t.Item1.Item1, t.Item2, t.Item1.Item2));

    private static readonly Gen<Answer> AnyAnswer = Gen.Zip(Gen.Zip(HostileText.Any, ArbMap.Default.GeneratorFor<bool>()), Cited.ListOf(3))
        .Select(t => new Answer(t.Item1.Item1, t.Item1.Item2, [.. t.Item2.Select((c, i) => c with { Number = i + 1 })], "fuzz"));

    [Fact]
    public void WhateverTheAnswerSaysEveryMessageFitsDiscordAndAllowsNoMentions()
    {
        Fuzz.Check(AnyAnswer, answer =>
        {
            var messages = ReplyFormatter.FormatAnswer(answer, Guid.NewGuid());

            Assert.NotEmpty(messages);
            Assert.All(messages, message =>
            {
                Assert.InRange(message.Content.Length, 1, ReplyFormatter.MaxContent);
                using var json = JsonDocument.Parse(JsonSerializer.Serialize(message.ToPayload(), RestJsonContext.Default.MessagePayload));
                var allowed = json.RootElement.GetProperty("allowed_mentions");
                Assert.Equal(JsonValueKind.Array, allowed.GetProperty("parse").ValueKind);
                Assert.Equal(0, allowed.GetProperty("parse").GetArrayLength());
                Assert.False(allowed.TryGetProperty("users", out _));
                Assert.False(allowed.TryGetProperty("roles", out _));
            });
        });
    }
}
