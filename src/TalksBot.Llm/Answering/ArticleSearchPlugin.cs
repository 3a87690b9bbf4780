using System.ComponentModel;
using Microsoft.SemanticKernel;
using TalksBot.Core.Retrieval;

namespace TalksBot.Llm.Answering;

/// <summary>
/// The <c>articles</c> plugin, one per question: <c>search(query)</c> lets a tool-calling model look again for a
/// multi-part or follow-up question. What it finds joins <see cref="CitablePassages"/>, so the model can cite it. Bounded by
/// <see cref="LlmOptions.MaxSearches"/> calls and <see cref="LlmOptions.SearchBudget"/> in all; past either the model is
/// told to answer from what it has.
/// </summary>
internal sealed class ArticleSearchPlugin(IPassageSearch search, CitablePassages citable, LlmOptions options, TimeProvider time)
{
    public const string PluginName = "articles";

    public const string LimitReached = "No more searches are allowed for this question: answer from the passages you have, or reply " + PromptBuilder.Sentinel + ".";

    public const string BudgetSpent = "The time for searching is used up: answer from the passages you have, or reply " + PromptBuilder.Sentinel + ".";

    public const string NothingFound = "No passage matched that search.";

    private readonly long _started = time.GetTimestamp();
    private int _calls;

    /// <summary>Searches made, including refused ones.</summary>
    public int Calls => Volatile.Read(ref _calls);

    [KernelFunction("search")]
    [Description("Searches the news articles and returns numbered passages. Cite a passage by its number in square brackets, e.g. [4].")]
    public async Task<string> SearchAsync(
        [Description("What to look for, in a few words, e.g. 'ceasefire terms Gaza'")] string query, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _calls) > options.MaxSearches)
        {
            return LimitReached;
        }

        var remaining = options.SearchBudget - time.GetElapsedTime(_started);
        if (remaining <= TimeSpan.Zero)
        {
            return BudgetSpent;
        }

        using var budget = new CancellationTokenSource(remaining, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        IReadOnlyList<RetrievedPassage> found;
        try
        {
            found = await search.SearchAsync(new PassageQuery(query), options.SearchLimit, linked.Token);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return BudgetSpent;
        }

        return found.Count == 0 ? NothingFound : PromptBuilder.Passages(citable.Add(found));
    }
}
