using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using TalksBot.Core.Answering;

namespace TalksBot.Llm.Answering;

/// <summary>
/// Answers with a language model over the retrieved passages, then verifies the reply: only citations of retrieved
/// passages survive, each tied to the sentence it rests on. An uncited reply or an unreachable model falls back to
/// <paramref name="fallback"/> (the extractive answerer) with a notice; an LLM failure never reaches the user as an error.
/// </summary>
public sealed class GenerativeAnswerer(IChatClient chat, IAnswerer fallback, LlmOptions options, ILogger<GenerativeAnswerer> logger)
    : IStreamingAnswerer
{
    public const string AnswererName = "generative";

    public const string AbstentionText = "The articles don't say.";

    public const string UncitedNotice =
        "The language model's answer could not be tied to the articles; this answer was extracted directly from them.";

    public string Name => AnswererName;

    /// <summary>The notice attached to a fallback answer when the model could not be used.</summary>
    public static string UnavailableNotice(string reason) =>
        $"The language model is unavailable ({reason}); this answer was extracted directly from the articles.";

    public async Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Passages.Count == 0)
        {
            // Nothing to cite: the model could only guess, and the fallback's abstention is the house wording.
            return await fallback.AnswerAsync(request, cancellationToken);
        }

        string reply;
        try
        {
            var response = await chat.GetResponseAsync(Prompt(request), Settings(), cancellationToken);
            reply = response.Text;
        }
        catch (LlmException exception)
        {
            return await UnavailableAsync(request, exception, cancellationToken);
        }

        return await VerifyAsync(request, reply, cancellationToken);
    }

    public async IAsyncEnumerable<AnswerStreamUpdate> StreamAsync(
        AnswerRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Passages.Count == 0)
        {
            yield return new AnswerStreamUpdate(string.Empty, await fallback.AnswerAsync(request, cancellationToken));
            yield break;
        }

        var reply = new StringBuilder();
        var shown = 0;
        LlmException? failure = null;
        var updates = chat.GetStreamingResponseAsync(Prompt(request), Settings(), cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await updates.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (LlmException exception)
                {
                    failure = exception;
                    break;
                }

                reply.Append(updates.Current.Text);
                // Hold text back while it could still be the sentinel, so a reader never sees "NOT_IN_ARTICLES" typed out.
                if (MightBeSentinel(reply))
                {
                    continue;
                }

                if (reply.Length > shown)
                {
                    var delta = reply.ToString(shown, reply.Length - shown);
                    shown = reply.Length;
                    yield return new AnswerStreamUpdate(delta);
                }
            }
        }
        finally
        {
            await updates.DisposeAsync();
        }

        var final = failure is not null
            ? await UnavailableAsync(request, failure, cancellationToken)
            : await VerifyAsync(request, reply.ToString(), cancellationToken);
        yield return new AnswerStreamUpdate(string.Empty, final);
    }

    private List<ChatMessage> Prompt(AnswerRequest request)
    {
        logger.LogAsking(options.ChatModel ?? "?", request.Passages.Count, Math.Min(request.History.Count, options.MaxHistoryTurns), request.Question);
        return PromptBuilder.Build(request, options.MaxHistoryTurns);
    }

    private ChatOptions Settings() => new() { Temperature = options.Temperature };

    private async Task<Answer> VerifyAsync(AnswerRequest request, string reply, CancellationToken cancellationToken)
    {
        logger.LogReply(reply);
        var verified = ReplyVerifier.Verify(reply, request.Passages);
        if (verified.IsSentinel)
        {
            logger.LogSentinel();
            return new Answer(AbstentionText, Abstained: true, [], AnswererName);
        }

        if (verified.Citations.Count == 0)
        {
            logger.LogUncited(fallback.Name);
            var answer = await fallback.AnswerAsync(request, cancellationToken);
            return answer.Abstained ? answer : answer with { Notice = UncitedNotice };
        }

        logger.LogAnswered(verified.Citations.Count, verified.RemovedCount);
        return new Answer(verified.Text, Abstained: false, verified.Citations, AnswererName);
    }

    private async Task<Answer> UnavailableAsync(AnswerRequest request, LlmException exception, CancellationToken cancellationToken)
    {
        logger.LogUnavailable(exception.Failure, exception.Reason, fallback.Name);
        var answer = await fallback.AnswerAsync(request, cancellationToken);
        return answer with { Notice = UnavailableNotice(exception.Reason) };
    }

    private static bool MightBeSentinel(StringBuilder reply)
    {
        var text = reply.ToString().TrimStart();
        return text.Length < PromptBuilder.Sentinel.Length
            ? PromptBuilder.Sentinel.StartsWith(text, StringComparison.OrdinalIgnoreCase)
            : text.StartsWith(PromptBuilder.Sentinel, StringComparison.OrdinalIgnoreCase);
    }
}
