using Microsoft.Extensions.Logging;
using TalksBot.Testing.FakeDiscord;

namespace TalksBot.Discord.Tests.Gateway;

public sealed class GatewaySendLimitTests
{
    [Fact]
    public async Task ASpentSendBudgetSkipsHeartbeatsWithoutDroppingTheConnectionOrHoldingUpEvents()
    {
        await using var bot = await BotHarness.StartAsync();
        var gateway = await bot.ReadyAsync();

        // Discord allows 120 sends per 60 s; Identify took one, so some of these 125 requested heartbeats cannot be sent.
        for (var i = 0; i < 125; i++)
        {
            await gateway.RequestHeartbeatAsync();
        }

        await gateway.SendDispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000201", "200000000000000001",
            $"<@{bot.Discord.BotUserId}> Still there?", mentionIds: [bot.Discord.BotUserId]));
        await bot.Discord.WaitForRequestAsync(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal));

        Assert.InRange(gateway.Received.Count, 100, 120);
        Assert.Single(bot.Discord.Connections);
        Assert.Contains(bot.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("BudgetSpent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnOversizeIdentifyStopsTheBotWithTheReasonInsteadOfReconnecting()
    {
        await using var bot = await BotHarness.StartAsync(settings: new Dictionary<string, string?> { ["Discord:Token"] = new string('x', 5_000) });

        await Eventually.UntilAsync(() => bot.Status.FatalError is not null);

        Assert.Contains("4096", bot.Status.FatalError, StringComparison.Ordinal);
        Assert.Contains("Discord:Token", bot.Status.FatalError, StringComparison.Ordinal);
        Assert.Single(bot.Discord.Connections);
        Assert.Empty(bot.Discord.Connections[0].Received);
    }
}
