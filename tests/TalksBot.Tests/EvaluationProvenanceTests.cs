using TalksBot.Cli;

namespace TalksBot.Tests;

public sealed class EvaluationProvenanceTests
{
    private const string Sha = "da0b03cec5f1aa00bb11cc22dd33ee44ff556677";

    [Fact]
    public void TheCommitIsReadFromALooseRefOrThePackedRefsOfAFreshClone()
    {
        var loose = Checkout();
        Directory.CreateDirectory(Path.Combine(loose, ".git", "refs", "heads"));
        File.WriteAllText(Path.Combine(loose, ".git", "refs", "heads", "main"), Sha + "\n");
        var packed = Checkout();
        File.WriteAllText(Path.Combine(packed, ".git", "packed-refs"), $"# pack-refs with: peeled\n{Sha} refs/heads/main\n");
        Directory.CreateDirectory(Path.Combine(packed, "src"));

        Assert.Equal("da0b03cec5f1", EvaluationProvenance.Commit(loose));
        Assert.Equal("da0b03cec5f1", EvaluationProvenance.Commit(Path.Combine(packed, "src")));
    }

    [Fact]
    public void TheFingerprintChangesWithAnyArticleAndOnlyThen()
    {
        var folder = Directory.CreateTempSubdirectory("talksbot-fp-").FullName;
        File.WriteAllText(Path.Combine(folder, "001_a.txt"), "Officials met in Riyadh.");
        File.WriteAllText(Path.Combine(folder, "002_b.txt"), "They agreed to talk again.");
        var first = EvaluationProvenance.ArticlesFingerprint(folder);
        var again = EvaluationProvenance.ArticlesFingerprint(folder);
        File.AppendAllText(Path.Combine(folder, "002_b.txt"), " Soon.");

        Assert.Equal(first, again);
        Assert.NotEqual(first, EvaluationProvenance.ArticlesFingerprint(folder));
        Assert.Matches("^[0-9a-f]{12}$", first);
    }

    private static string Checkout()
    {
        var root = Directory.CreateTempSubdirectory("talksbot-git-").FullName;
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        File.WriteAllText(Path.Combine(root, ".git", "HEAD"), "ref: refs/heads/main\n");
        return root;
    }
}
