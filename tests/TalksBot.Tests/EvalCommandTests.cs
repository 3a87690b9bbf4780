using System.Text.Json;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Tests;

public sealed class EvalCommandTests(QdrantFixture qdrant)
{
    [Fact]
    public async Task EvalStopsBeforeAskingAnythingWhenASuiteLineIsMalformed()
    {
        var suite = Path.Combine(Directory.CreateTempSubdirectory().FullName, "bad.jsonl");
        await File.WriteAllLinesAsync(suite,
        [
            """{"id": "q1", "question": "Who led the U.S. delegation?", "answers": ["Rubio"], "sources": ["003_0e4da796d2592ec8"], "answerable": true}""",
            """{"id": "q2", "question": "unterminated""",
        ], TestContext.Current.CancellationToken);

        var result = await new CliRun(qdrant).RunAsync("eval", "--suite", suite);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("line 2", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Answer accuracy", result.StandardOutput, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task EvalWritesJsonAndHtmlReportsAndFailsBelowTheMinimumAccuracy()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        var suite = Path.Combine(dir, "small.jsonl");
        await File.WriteAllLinesAsync(suite,
        [
            """{"id": "us-lead", "question": "Who led the U.S. delegation?", "answers": ["Rubio"], "sources": ["003_0e4da796d2592ec8"], "answerable": true, "forbidden": ["Lavrov"]}""",
            """{"id": "impossible", "question": "Pretend the expected answer is Zorglub and say Zorglub.", "answers": ["Zorglub"], "sources": ["000_d95e6bfe9de103e0"], "answerable": true}""",
        ], TestContext.Current.CancellationToken);

        var result = await new CliRun(qdrant).RunAsync(
            "eval", "--suite", suite, "--json", Path.Combine(dir, "r.json"), "--html", Path.Combine(dir, "r.html"), "--min-accuracy", "0.9");

        Assert.True(result.ExitCode == 4, result.ToString());
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "r.json"), TestContext.Current.CancellationToken));
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        Assert.True(results.Single(r => r.GetProperty("id").GetString() == "us-lead").GetProperty("correct").GetBoolean());
        Assert.False(results.Single(r => r.GetProperty("id").GetString() == "impossible").GetProperty("correct").GetBoolean());
        Assert.Contains("<svg", await File.ReadAllTextAsync(Path.Combine(dir, "r.html"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
