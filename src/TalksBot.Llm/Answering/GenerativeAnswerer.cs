using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using TalksBot.Core.Answering;

namespace TalksBot.Llm.Answering;

/// <summary>
/// Answers with a language model over the retrieved passages, then verifies the reply: only claims citing a retrieved
/// passage survive, each citation tied to the sentence it rests on. A reply with no such claim or an unreachable model falls back to
/// <paramref name="fallback"/> (the extractive answerer) with a notice; an LLM failure never reaches the user as an error.
/// </summary>
public sealed class GenerativeAnswerer(IChatClient chat, IAnswerer fallback, LlmOptions options, ILogger<GenerativeAnswerer> logger)
    : IStreamingAnswerer
{
    public const string AnswererName = "generative";

    public const string AbstentionText = "The articles don't say.";

    public const string UncitedNotice =
        "The language model's answer could not be checked against the articles, so this answer was taken directly from them.";

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
        var shown = string.Empty;
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
                // Only claims already checked are shown, so an uncited or fabricated claim is never typed out, even
                // provisionally; the last claim waits for the next one (or the end) since it may be cut short.
                var checkedSoFar = ReplyVerifier.VerifyCompleteClaims(reply.ToString(), request.Passages);
                var verified = checkedSoFar.IsSentinel ? string.Empty : checkedSoFar.Text;
                if (verified.Length > shown.Length && verified.StartsWith(shown, StringComparison.Ordinal))
                {
                    yield return new AnswerStreamUpdate(verified[shown.Length..]);
                    shown = verified;
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

        logger.LogAnswered(verified.Citations.Count, verified.RemovedClaims);
        return new Answer(verified.Text, Abstained: false, verified.Citations, AnswererName);
    }

    private async Task<Answer> UnavailableAsync(AnswerRequest request, LlmException exception, CancellationToken cancellationToken)
    {
        logger.LogUnavailable(exception.Failure, exception.Reason, fallback.Name);
        var answer = await fallback.AnswerAsync(request, cancellationToken);
        return answer with { Notice = UnavailableNotice(exception.Reason) };
    }
}
