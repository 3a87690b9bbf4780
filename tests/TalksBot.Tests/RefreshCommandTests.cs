using System.Text.Json;
using System.Text.RegularExpressions;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Tests;

public sealed class RefreshCommandTests(QdrantFixture qdrant)
{
    private const string AccordArticle = "004_zorblat_accord";
    private const string AccordQuestion = "Who signed the Zorblat accord on river pilots?";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RefreshAfterOneArticleChangedReportsItAndCopiesTheOthers()
    {
        var run = new CliRun(qdrant);
        var folder = run.UseArticleCopy();
        var first = await run.RunAsync("refresh");
        var changed = Directory.GetFiles(folder).Order(StringComparer.Ordinal).First();
        await File.AppendAllTextAsync(changed, "\n\nA later update said the delegations would meet again within weeks.\n", Ct);

        var second = await run.RunAsync("refresh");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Matches(new Regex(@"Added\s*│\s*4\s*│"), first.StandardOutput);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Matches(new Regex(@"Changed\s*│\s*1\s*│\s*" + Path.GetFileNameWithoutExtension(changed)), second.StandardOutput);
        Assert.Matches(new Regex(@"Unchanged\s*│\s*3\s*│"), second.StandardOutput);
        Assert.Matches(new Regex(@"[1-9]\d* copied"), second.StandardOutput);
    }

    [Fact]
    public async Task RollbackServesThePreviousArticlesAndAFollowingAskDoesNotUndoIt()
    {
        var run = new CliRun(qdrant);
        var folder = run.UseArticleCopy();
        await run.RunAsync("refresh");
        await WriteAccordArticleAsync(folder);
        await run.RunAsync("refresh");
        var withAccord = await run.RunAsync("ask", "--json", AccordQuestion);

        var rollback = await run.RunAsync("refresh", "rollback");
        var afterRollback = await run.RunAsync("ask", "--json", AccordQuestion);
        var list = await run.RunAsync("articles", "list");

        Assert.Contains(AccordArticle, CitedArticles(withAccord));
        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.DoesNotContain(AccordArticle, CitedArticles(afterRollback));
        Assert.Matches(new Regex(AccordArticle + @".*not served"), list.StandardOutput);
    }

    [Fact]
    public async Task RollforwardReturnsToTheVersionRolledBackFromAndASecondRollbackIsOnePlainSentence()
    {
        var run = new CliRun(qdrant);
        var folder = run.UseArticleCopy();
        await run.RunAsync("refresh");
        await WriteAccordArticleAsync(folder);
        await run.RunAsync("refresh");
        var rollback = await run.RunAsync("refresh", "rollback");

        // The next command's start-up clean-up must keep the version rolled back from.
        var afterRollback = await run.RunAsync("ask", "--json", AccordQuestion);
        var second = await run.RunAsync("refresh", "rollback");
        var forward = await run.RunAsync("refresh", "rollforward");
        var afterForward = await run.RunAsync("ask", "--json", AccordQuestion);
        var again = await run.RunAsync("refresh", "rollforward");

        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Contains("talksbot refresh rollforward", rollback.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("warn:", rollback.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Deleted orphaned", afterRollback.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(AccordArticle, CitedArticles(afterRollback));
        Assert.True(second.ExitCode == 1, second.ToString());
        Assert.Single(second.StandardError.Trim().Split('\n'));
        Assert.Contains("cannot be rolled back", second.StandardError, StringComparison.Ordinal);
        Assert.True(forward.ExitCode == 0, forward.ToString());
        Assert.Contains(AccordArticle, CitedArticles(afterForward));
        Assert.True(again.ExitCode == 1, again.ToString());
        Assert.Contains("is the newest version kept", again.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshWhileAnotherProcessHoldsTheLockSaysAlreadyRunningWithItsProgress()
    {
        var run = new CliRun(qdrant);
        await File.WriteAllTextAsync(Path.Combine(run.StateDirectory, "refresh-status.json"), $$"""
            {"operation":"refresh","actor":"discord:42","process_id":{{Environment.ProcessId}},"started_at":"2025-02-18T10:00:00+00:00",
             "phase":"indexing","passages_done":64,"passages_total":200}
            """, Ct);
        await using var held = new FileStream(Path.Combine(run.StateDirectory, "refresh.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var result = await run.RunAsync("refresh");

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Contains("already running", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("discord:42", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("64/200 passages", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskRemovesACollectionLeftByACrashedBuild()
    {
        var run = new CliRun(qdrant);
        await run.RunAsync("refresh");
        var client = qdrant.CreateClient();
        var crashed = run.CollectionPrefix + "_v20990101000000000";
        await client.CreateCollectionAsync(crashed, 8, metadata: null, Ct);

        var ask = await run.RunAsync("ask", "Who led the U.S. delegation?");

        Assert.True(ask.ExitCode == 0, ask.ToString());
        Assert.False(await client.CollectionExistsAsync(crashed, Ct));
        Assert.NotNull(await client.ResolveAliasAsync(run.Alias, Ct));
    }

    [Fact]
    public async Task AnArticleAddedFromAWebPageIsAnsweredAfterRefreshCitingItsNewId()
    {
        await using var site = await NewsPageServer.StartAsync();
        var run = new CliRun(qdrant).With("WebArticles__UnsafeAllowPrivateNetworkFetches", "true");
        run.UseArticleCopy();
        await run.RunAsync("refresh");

        var add = await run.RunAsync("articles", "add", site.ArticleUrl.ToString());
        var refresh = await run.RunAsync("refresh");
        var ask = await run.RunAsync("ask", "--json", NewsPageServer.Question);

        Assert.True(add.ExitCode == 0, add.ToString());
        var id = Regex.Match(add.StandardOutput, @"Added (\S+):").Groups[1].Value;
        Assert.Contains("Not served yet", add.StandardOutput, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"Added\s*│\s*1\s*│\s*" + id), refresh.StandardOutput);
        Assert.Contains(id, CitedArticles(ask));
        Assert.Contains(NewsPageServer.Answer, JsonDocument.Parse(ask.StandardOutput).RootElement.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovingAnArticleKeepsItServedUntilTheNextRefresh()
    {
        var run = new CliRun(qdrant);
        var folder = run.UseArticleCopy();
        await run.RunAsync("refresh");
        var id = Path.GetFileNameWithoutExtension(Directory.GetFiles(folder).Order(StringComparer.Ordinal).Last());

        var remove = await run.RunAsync("articles", "remove", id);
        var listed = await run.RunAsync("articles", "list");
        var refresh = await run.RunAsync("refresh");

        Assert.True(remove.ExitCode == 0, remove.ToString());
        Assert.Contains("still served, and cited in answers, until the next refresh", remove.StandardOutput, StringComparison.Ordinal);
        Assert.Matches(new Regex(id + @".*removed, still served"), listed.StandardOutput);
        Assert.Matches(new Regex(@"Removed\s*│\s*1\s*│\s*" + id), refresh.StandardOutput);
    }

    [Fact]
    public async Task RefreshStatusShowsHowTheLastRefreshEnded()
    {
        var run = new CliRun(qdrant);
        await run.RunAsync("refresh");

        var status = await run.RunAsync("refresh", "status");

        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains($"last refresh by local:{Environment.UserName}", status.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("ok: 4 articles (4 added", status.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatsPrintsQuestionCountsAndNeverWhoAsked()
    {
        var run = new CliRun(qdrant);
        await run.RunAsync("ask", "Who led the U.S. delegation?");

        var stats = await run.RunAsync("stats", "--top", "5");

        Assert.True(stats.ExitCode == 0, stats.ToString());
        Assert.Matches(new Regex(@"Questions asked\s*│\s*1\s*│"), stats.StandardOutput);
        Assert.DoesNotContain("local:", stats.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(Environment.UserName, stats.StandardOutput, StringComparison.Ordinal);
    }

    internal static async Task WriteAccordArticleAsync(string folder) =>
        await File.WriteAllTextAsync(Path.Combine(folder, AccordArticle + ".txt"),
            "Zorblat accord on river pilots signed\n\nThe Zorblat accord on river pilots was signed in Geneva by envoy Quentin Marsh on February 20, 2025. " +
            "Marsh said the accord would let river pilots from both countries work the lower Danube again.\n", Ct);

    private static IReadOnlyList<string> CitedArticles(CliResult ask)
    {
        Assert.True(ask.ExitCode == 0, ask.ToString());
        using var json = JsonDocument.Parse(ask.StandardOutput);
        return [.. json.RootElement.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("articleId").GetString()!)];
    }
}
