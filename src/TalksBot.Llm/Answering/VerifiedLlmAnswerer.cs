using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using TalksBot.Core.Answering;
using TalksBot.Core.Retrieval;

namespace TalksBot.Llm.Answering;

/// <summary>
/// Answers with a language model through Semantic Kernel: the system message comes from the <see cref="AnswerPrompt"/>
/// file, and a tool-calling model may search again with <c>articles.search</c>, its finds joining the citable passages.
/// The reply is then verified: only claims citing a citable passage survive, each citation tied to the sentence it
/// rests on. A reply with no such claim or an unreachable model falls back to the fallback answerer (the
/// extractive answerer) with a notice; an LLM failure never reaches the user as an error.
/// </summary>
public sealed class VerifiedLlmAnswerer : IStreamingAnswerer
{
    public const string AnswererName = "generative";

    public const string AbstentionText = "The articles don't say.";

    public const string UncitedNotice =
        "The language model's answer could not be checked against the articles, so this answer was taken directly from them.";

    private readonly Kernel _kernel;
    private readonly AnswerPrompt _prompt;
    private readonly IPassageSearch _search;
    private readonly IAnswerer _fallback;
    private readonly LlmOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<VerifiedLlmAnswerer> _logger;

    internal VerifiedLlmAnswerer(
        Kernel kernel, AnswerPrompt prompt, IPassageSearch search, IAnswerer fallback, LlmOptions options, TimeProvider time, ILogger<VerifiedLlmAnswerer> logger)
    {
        _kernel = kernel;
        _prompt = prompt;
        _search = search;
        _fallback = fallback;
        _options = options;
        _time = time;
        _logger = logger;
    }

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
            return await _fallback.AnswerAsync(request, cancellationToken);
        }

        var call = await StartAsync(request, cancellationToken);
        string reply;
        try
        {
            var message = await call.Service.GetChatMessageContentAsync(call.History, call.Settings, call.Kernel, cancellationToken);
            reply = message.Content ?? string.Empty;
        }
        catch (LlmException exception)
        {
            return await UnavailableAsync(request, exception, cancellationToken);
        }

        return await VerifyAsync(request, call, reply, cancellationToken);
    }

    public async IAsyncEnumerable<AnswerStreamUpdate> StreamAsync(
        AnswerRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Passages.Count == 0)
        {
            yield return new AnswerStreamUpdate(string.Empty, await _fallback.AnswerAsync(request, cancellationToken));
            yield break;
        }

        var call = await StartAsync(request, cancellationToken);
        var reply = new StringBuilder();
        var shown = string.Empty;
        LlmException? failure = null;
        var updates = call.Service.GetStreamingChatMessageContentsAsync(call.History, call.Settings, call.Kernel, cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
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

                reply.Append(updates.Current.Content);
                // Only claims already checked are shown, so an uncited or fabricated claim is never typed out, even
                // provisionally; the last claim waits for the next one (or the end) since it may be cut short.
                var checkedSoFar = ReplyVerifier.VerifyCompleteClaims(reply.ToString(), call.Citable.Snapshot());
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
            : await VerifyAsync(request, call, reply.ToString(), cancellationToken);
        yield return new AnswerStreamUpdate(string.Empty, final);
    }

    private async Task<KernelCall> StartAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        _logger.LogAsking(_options.ChatModel ?? "?", request.Passages.Count, Math.Min(request.History.Count, _options.MaxHistoryTurns), request.Question);
        var citable = new CitablePassages(request.Passages);
        var kernel = _kernel.Clone();
        var search = new ArticleSearchPlugin(_search, citable, _options, _time);
        if (_options.MaxSearches > 0)
        {
            kernel.Plugins.AddFromObject(search, ArticleSearchPlugin.PluginName);
        }

        var system = await _prompt.RenderAsync(kernel, request.Passages, _options.MaxSearches, cancellationToken);
        var settings = new PromptExecutionSettings
        {
            FunctionChoiceBehavior = _options.MaxSearches > 0 ? FunctionChoiceBehavior.Auto() : FunctionChoiceBehavior.None(),
            ExtensionData = new Dictionary<string, object> { ["temperature"] = _options.Temperature },
        };
        var service = kernel.GetRequiredService<IChatClient>().AsChatCompletionService(kernel.Services);
        return new KernelCall(kernel, service, PromptBuilder.History(system, request, _options.MaxHistoryTurns), settings, citable, search);
    }

    private async Task<Answer> VerifyAsync(AnswerRequest request, KernelCall call, string reply, CancellationToken cancellationToken)
    {
        _logger.LogReply(reply);
        var citable = call.Citable.Snapshot();
        if (call.Search.Calls > 0)
        {
            _logger.LogSearched(call.Search.Calls, citable.Count);
        }

        var verified = ReplyVerifier.Verify(reply, citable);
        if (verified.IsSentinel)
        {
            _logger.LogSentinel();
            return new Answer(AbstentionText, Abstained: true, [], AnswererName);
        }

        if (verified.Citations.Count == 0)
        {
            _logger.LogUncited(_fallback.Name);
            var answer = await _fallback.AnswerAsync(request, cancellationToken);
            return answer.Abstained ? answer : answer with { Notice = UncitedNotice };
        }

        _logger.LogAnswered(verified.Citations.Count, verified.RemovedClaims);
        return new Answer(verified.Text, Abstained: false, verified.Citations, AnswererName);
    }

    private async Task<Answer> UnavailableAsync(AnswerRequest request, LlmException exception, CancellationToken cancellationToken)
    {
        _logger.LogUnavailable(exception.Failure, exception.Reason, _fallback.Name);
        var answer = await _fallback.AnswerAsync(request, cancellationToken);
        return answer with { Notice = UnavailableNotice(exception.Reason) };
    }

    /// <summary>One question's kernel, with its own search plugin and citable passages.</summary>
    private sealed record KernelCall(
        Kernel Kernel, IChatCompletionService Service, ChatHistory History, PromptExecutionSettings Settings, CitablePassages Citable, ArticleSearchPlugin Search);
}
