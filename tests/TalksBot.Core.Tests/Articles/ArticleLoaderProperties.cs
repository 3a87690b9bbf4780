using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Logging.Abstractions;
using TalksBot.Core.Articles;
using TalksBot.Testing.Fuzz;

namespace TalksBot.Core.Tests.Articles;

public sealed class ArticleLoaderProperties
{
    private const string GoodName = "good.md";
    private const string GoodText = "---\ntitle: Talks Resume\n---\nThe delegations met again on Monday. They agreed to continue.\n";

    private static readonly Gen<string> YamlScalar = Gen.Elements(
        "title", "url", "published", "date", "author", "x", "", "~", "null", "true", "2025-02-22", "2025-02-30", "https://example.com/a",
        "ftp://x", "'quoted'", "\"dq\\u0000\"", "\"unclosed", "'unclosed", "|", ">", "- ", "? ", ": ", "&a", "*a", "*missing", "<<", "!!str",
        "!!binary", "!!int", "!tag", "!<tag:x>", "%YAML 1.2", "%TAG ! x", "#", "{", "}", "[", "]", ",", "\t", "@", "`", "\u00A0", "\uFEFF",
        "\u0085", "\u2028", "漢字", "مرحبا", "\U0001F600");

    private static readonly Gen<string> YamlLine = Gen.OneOf(
        YamlScalar.ListOf(6).Select(p => string.Join("", p)),
        Gen.Zip(YamlScalar, YamlScalar).Select(kv => $"{kv.Item1}: {kv.Item2}"),
        Gen.Zip(Gen.Choose(0, 8), Gen.Zip(YamlScalar, YamlScalar)).Select(t => new string(' ', t.Item1) + t.Item2.Item1 + ": " + t.Item2.Item2),
        Gen.Elements(
            "title: &a Anchored", "author: *a", "base: &b {title: x}", "<<: *b", "title: !!binary aGVsbG8=", "title: !!int 12",
            "title: [a, b]", "title: {a: b}", "title: one\ntitle: two", "url: !!str https://example.com", "? title\n: complex",
            "title: |\n  block\n  text", "title: >-\n  folded", "published: 2025-02-22", "date: 99999-99-99", "author: ~",
            "- just\n- a list", "plain scalar", "title: !!intftp://x[]", "title: \"\\x00\"", "--- \n...", "title: *a", "&x a: b", "!!map {title: x}"));

    private static readonly Gen<string> Yaml = Gen.OneOf(
        YamlLine.ListOf(8).Select(lines => string.Join('\n', lines)),
        Gen.Choose(1, 20_000).Select(depth => "title: " + new string('[', depth) + new string(']', depth)),
        Gen.Choose(1, 20_000).Select(depth => "title: " + string.Concat(Enumerable.Repeat("{a: ", depth)) + "b" + new string('}', depth)),
        Gen.Choose(1, 3_000).Select(depth => string.Concat(Enumerable.Range(0, depth).Select(i => new string(' ', i) + "k:\n"))),
        Gen.Choose(1, 2_000).Select(n => "a: &a [x]\n" + string.Concat(Enumerable.Range(1, n).Select(i => $"a{i}: &a{i} [*a{i - 1}, *a{i - 1}]\n")).Replace("*a0", "*a", StringComparison.Ordinal)));

    // A 1 MB word is rare: it costs far more than the other cases and finds nothing new when repeated.
    private static readonly Gen<string> MarkdownText = Gen.Frequency(
        (40, Yaml.Select(y => $"---\n{y}\n---\nThe body of the article.\n")),
        (12, Yaml.Select(y => $"---\n{y}\n")),
        (12, Yaml.Select(y => $"---\r{y.Replace('\n', '\r')}\r---\rA body with CR-only line endings.\r")),
        (20, HostileText.Any),
        (4, Gen.Constant("---\n---\n")),
        (1, Gen.Constant("Title\n" + new string('w', 1_000_000))));

    private static readonly Gen<byte[]> Content = Gen.Frequency(
        (6, MarkdownText.Select(Encoding.UTF8.GetBytes)),
        (2, ArbMap.Default.GeneratorFor<byte[]>()),
        (1, MarkdownText.Select(t => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(t)).ToArray())),
        (1, MarkdownText.Select(t => Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(t)).ToArray())),
        (1, MarkdownText.Select(t => Encoding.Unicode.GetBytes(t))),
        (1, MarkdownText.Select(t => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(t)).ToArray())),
        (1, Gen.Zip(MarkdownText, Gen.Elements<byte>(0, 1, 7, 8, 0x1B, 0x7F, 0xC0, 0xFF)).Select(t => Encoding.UTF8.GetBytes(t.Item1).Append(t.Item2).Concat("tail"u8.ToArray()).ToArray())));

    // Every file is prefixed with 'x' so its id never collides with the good file's, which would be a (reported) duplicate.
    private static readonly Gen<string> FileName = Gen.Zip(
            Gen.Elements("a", " ", ".", "..", "-", "_", "é", "漢", "\U0001F600", "name with spaces", "v1.2.3", "\u200B", "#", "'", "(1)").ListOf(4),
            Gen.Elements(".md", ".markdown", ".MD", ".txt", ".md.md"))
        .Select(t => "x" + string.Concat(t.Item1) + t.Item2);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void AnyFrontMatterIsReadOrRefusedWithAReasonNeverAnotherException()
    {
        var format = new MarkdownArticleFormat();

        Fuzz.Check(MarkdownText, text =>
        {
            try
            {
                format.Parse(text);
            }
            catch (ArticleFormatException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
            }
        });
    }

    [Fact]
    public void AHostileFileIsLoadedOrSkippedWithAReasonAndTheGoodFileBesideItStillLoads()
    {
        using var folder = new TempFolder();
        folder.Write(GoodName, GoodText);
        var loader = new ArticleLoader(new ArticleLoaderOptions(), [], NullLogger<ArticleLoader>.Instance);

        Fuzz.Check(Gen.Zip(FileName, Content), async file =>
        {
            var path = folder.WriteBytes(file.Item1, file.Item2);
            try
            {
                var set = await loader.LoadDirectoryAsync(folder.Path, Ct);

                Assert.Contains(set.Articles, a => a.Id == "good" && a.Info.Title == "Talks Resume");
                var outcome = Assert.Single(set.Skipped.Select(s => (s.Path, s.Reason))
                    .Concat(set.Articles.Where(a => a.Id != "good").Select(a => (Path: a.SourcePath, Reason: "loaded"))));
                Assert.Equal(path, outcome.Path);
                Assert.False(string.IsNullOrWhiteSpace(outcome.Reason));
            }
            finally
            {
                File.Delete(path);
            }
        });
    }
}
