namespace TalksBot.Core.Evaluation;

/// <summary>A validated Q&amp;A suite, in file order.</summary>
/// <param name="Name">Shown in reports: the file name without extension.</param>
public sealed record QaSuite(string Name, IReadOnlyList<QaItem> Items)
{
    /// <summary>
    /// The article folder the suite was written for, from its header line <c>{"suite": {"articles": "folder"}}</c>:
    /// as written when parsed from lines, made absolute (relative to the suite file) when read from a file; null when
    /// the suite names none and is run against the served index.
    /// </summary>
    public string? Articles { get; init; }

    /// <summary>
    /// Checks that every expected source is a served article. A misspelt id would otherwise silently score every
    /// citation and retrieval for its item as a miss, so call this before running.
    /// </summary>
    /// <exception cref="QaSuiteException">Lists each line naming an article that is not served.</exception>
    public void EnsureSourcesExist(IEnumerable<string> servedArticleIds)
    {
        var served = new HashSet<string>(servedArticleIds, StringComparer.OrdinalIgnoreCase);
        var errors = Items
            .SelectMany(item => item.Sources
                .Where(source => !served.Contains(source))
                .Select(source => new QaSuiteLineError(item.Line, $"source \"{source}\" of \"{item.Id}\" is not a served article id")))
            .ToList();
        if (errors.Count > 0)
        {
            throw new QaSuiteException(Name, errors);
        }
    }
}
