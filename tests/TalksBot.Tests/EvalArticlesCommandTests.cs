using System.Text.Json;
using System.Text.RegularExpressions;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Tests;

public sealed partial class EvalArticlesCommandTests(QdrantFixture qdrant)
{
    private static readonly string SquadDev = Path.GetFullPath(Path.Combine(QdrantInstallation.RepositoryRoot, "..", "shared", "squad-dev"));

    [Fact]
    public async Task EvalWithArticlesLeavesTheServedIndexAsItWasAndRemovesItsOwnCollections()
    {
        var cli = new CliRun(qdrant);
        var ingest = await cli.RunAsync("ingest");
        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        var client = qdrant.CreateClient();
        var served = await client.ResolveAliasAsync(cli.Alias, TestContext.Current.CancellationToken);
        var suite = Path.Combine(cli.StateDirectory, "small.jsonl");
        await File.WriteAllLinesAsync(suite,
        [
            """{"id": "us-lead", "question": "Who led the U.S. delegation?", "answers": ["Rubio"], "sources": ["003_0e4da796d2592ec8"], "answerable": true}""",
        ], TestContext.Current.CancellationToken);

        var result = await cli.RunAsync("eval", "--suite", suite, "--articles", Path.Combine(QdrantInstallation.RepositoryRoot, "data", "qa", "talks-articles"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var evalCollection = EvalCollection().Match(result.StandardError);
        Assert.True(evalCollection.Success, result.ToString());
        var collections = await client.ListCollectionsAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(evalCollection.Groups[1].Value, collections);
        Assert.Equal(served, await client.ResolveAliasAsync(cli.Alias, TestContext.Current.CancellationToken));
        Assert.Contains(served!, collections);
    }

    [Fact]
    public async Task EvalOfASuiteNamingItsArticlesDoesNotNeedTheServedFolder()
    {
        var cli = new CliRun(qdrant).With("Articles__Path", Directory.CreateTempSubdirectory("talksbot-empty-").FullName);
        var suite = Path.Combine(QdrantInstallation.RepositoryRoot, "data", "qa", "talks-qa.jsonl");
        var json = Path.Combine(cli.StateDirectory, "r.json");

        var result = await cli.RunAsync("eval", "--suite", suite, "--part", "heldout", "--compare-baseline", "--json", json);

        Assert.True(result.ExitCode is 0 or 4, result.ToString());
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
        Assert.Equal("heldout", report.RootElement.GetProperty("summary").GetProperty("part").GetString());
        Assert.Equal("baseline", report.RootElement.GetProperty("baseline").GetProperty("summary").GetProperty("answerer").GetString());
        Assert.Null(await qdrant.CreateClient().ResolveAliasAsync(cli.Alias, TestContext.Current.CancellationToken));
    }

    // Measured on 2026-11-28 with this command: 212 of 320 answerable held-out questions right, 309 of 320 answers citing
    // the gold article, 1 of 120 unanswerable abstained on. BM25 is deterministic, so the figures may move only with the
    // chunker, Qdrant's BM25 or the scoring.
    [Fact]
    public async Task TheBaselineReproducesItsHeldOutSquadFigures()
    {
        // The baseline reads BM25 alone, so the model-free embedder indexes the 27 articles in seconds rather than minutes.
        var cli = new CliRun(qdrant).With("Embeddings__Provider", "Hashing");
        var json = Path.Combine(cli.StateDirectory, "baseline.json");

        var result = await cli.RunAsync("eval", "--suite", Path.Combine(SquadDev, "squad-dev-qa.jsonl"), "--articles", Path.Combine(SquadDev, "articles"),
            "--part", "heldout", "--answerer", "baseline", "--json", json);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
        var squad = report.RootElement.GetProperty("summary").GetProperty("squad");
        Assert.Equal(212 / 320.0, squad.GetProperty("answersRight").GetDouble(), 0.01);
        Assert.Equal(309 / 320.0, squad.GetProperty("citationsRight").GetDouble(), 0.01);
        Assert.Equal(1 / 120.0, squad.GetProperty("unanswerableAbstained").GetDouble(), 0.01);
        Assert.Equal(0, squad.GetProperty("answerableAbstained").GetDouble());
    }

    [GeneratedRegex(@"into (talks_eval_[0-9a-f]+_v\d+) for this run")]
    private static partial Regex EvalCollection();
}
