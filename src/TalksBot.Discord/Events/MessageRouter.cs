using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalksBot.Core.Analytics;
using TalksBot.Discord.Commands;
using TalksBot.Discord.Gateway;
using TalksBot.Discord.Limits;
using TalksBot.Discord.Replies;
using TalksBot.Discord.Rest;

namespace TalksBot.Discord.Events;

/// <summary>Answers messages addressed to the bot: mentions, DMs, replies to its answers and auto-reply channels.</summary>
internal sealed partial class MessageRouter(
    DiscordApi api,
    QuestionReplier answerer,
    UserQuestionLimiter limiter,
    WorkQueue work,
    DiscordBotStatus status,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<MessageRouter> logger)
{
    public const string EmptyQuestionHint = "Ask me a question about the February 2025 U.S.–Russia talks on Ukraine, right after the mention.";

    /// <param name="busy">The event workers are behind: a question gets the busy reply instead of an answer.</param>
    public async Task RouteAsync(JsonElement data, bool busy, CancellationToken cancellationToken)
    {
        var message = GatewayData.Message(data);
        if (status.UserId is not { } botId)
        {
            return;
        }

        // Never answer ourselves, other bots or webhooks: two bots answering each other loop forever.
        if (message.Author.Id == botId || message.Author.Bot == true || message.WebhookId is not null)
        {
            return;
        }

        var isDirect = message.GuildId is null;
        var content = message.Content ?? "";
        var mentioned = message.Mentions?.Any(u => u.Id == botId) == true
            || content.Contains($"<@{botId}>", StringComparison.Ordinal)
            || content.Contains($"<@!{botId}>", StringComparison.Ordinal);
        var autoReply = ulong.TryParse(message.ChannelId, NumberStyles.None, CultureInfo.InvariantCulture, out var channelId)
            && options.Value.AutoReplyChannelIds.Contains(channelId);
        var repliesToBot = message.ReferencedMessage?.Author.Id == botId;
        if (!(isDirect || mentioned || autoReply || repliesToBot))
        {
            return;
        }

        var question = DiscordMarkup.WithoutMentions(content);
        if (question.Length == 0)
        {
            // Without the Message Content intent, replies that don't mention us arrive empty: stay quiet then.
            if (isDirect || mentioned)
            {
                await ReplyAsync(message, [new OutgoingMessage(EmptyQuestionHint)], cancellationToken);
            }

            return;
        }

        if (question.Length > AskSlashCommand.MaxQuestionLength)
        {
            await ReplyAsync(message, [new OutgoingMessage($"Please keep questions under {AskSlashCommand.MaxQuestionLength} characters.")], cancellationToken);
            return;
        }

        // Before the per-user limit, so being told "busy" does not use up one of the member's questions.
        if (busy)
        {
            await ReplyBusyAsync(message, "event", cancellationToken);
            return;
        }

        using (var lease = limiter.AttemptAcquire(message.Author.Id))
        {
            if (!lease.IsAcquired)
            {
                await ReplyAsync(message, [new OutgoingMessage(RateLimitReply.For(lease, options.Value.QuestionsPerMinute))], cancellationToken);
                return;
            }
        }

        var channel = isDirect ? AskChannel.DirectMessage : AskChannel.Mention;
        if (!work.TryEnqueue(new WorkItem("message", ct => AnswerAsync(message, question, channel, ct))))
        {
            await ReplyBusyAsync(message, "answer", cancellationToken);
        }
    }

    private Task ReplyBusyAsync(MessageData message, string queue, CancellationToken cancellationToken)
    {
        LogBusy(message.Author.Id, message.ChannelId, message.Id, queue);
        return ReplyAsync(message, [new OutgoingMessage(BusyReply.Text)], cancellationToken);
    }

    private async Task AnswerAsync(MessageData message, string question, AskChannel channel, CancellationToken cancellationToken)
    {
        IReadOnlyList<OutgoingMessage> reply;
        using (var typing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var indicator = KeepTypingAsync(message.ChannelId, typing.Token);
            try
            {
                // The member in this channel (or thread) is the conversation: their follow-ups there see their earlier turns.
                reply = await answerer.AnswerAsync(question, message.ChannelId, channel, message.Author.Id, cancellationToken);
            }
            finally
            {
                await typing.CancelAsync();
                await indicator;
            }
        }

        await ReplyAsync(message, reply, cancellationToken);
    }

    private async Task ReplyAsync(MessageData message, IReadOnlyList<OutgoingMessage> reply, CancellationToken cancellationToken)
    {
        // fail_if_not_exists: false keeps the answer even if the question was deleted meanwhile.
        var reference = new MessageReference(message.Id, message.ChannelId, message.GuildId, FailIfNotExists: false);
        for (var i = 0; i < reply.Count; i++)
        {
            var payload = reply[i].ToPayload();
            await api.CreateMessageAsync(message.ChannelId, i == 0 ? payload with { MessageReference = reference } : payload, cancellationToken);
        }
    }

    // Discord shows "typing…" for about 10 s per call, so long answers re-send it.
    private async Task KeepTypingAsync(string channelId, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await api.TriggerTypingAsync(channelId, cancellationToken);
                }
                catch (DiscordRestException ex)
                {
                    LogTypingFailed(ex.Message);
                }

                await Task.Delay(options.Value.TypingInterval, time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(1106, LogLevel.Warning, "Too busy to answer message {MessageId} from user {UserId} in channel {ChannelId}: the {Queue} queue is full; told them to ask again")]
    private partial void LogBusy(string userId, string channelId, string messageId, string queue);

    [LoggerMessage(1105, LogLevel.Debug, "Typing indicator failed: {Reason}")]
    private partial void LogTypingFailed(string reason);
}
