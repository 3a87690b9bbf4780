using FsCheck;
using FsCheck.Fluent;

namespace TalksBot.Testing.Fuzz;

/// <summary>Article bodies with the structures the chunker and answerer look for (headings, lists, tables, sentences), mixed with hostile text.</summary>
public static class ArticleText
{
    private static readonly Gen<string> Sentence = Gen.OneOf(
        Gen.Elements(
            "On February 18, 2025, officials from the United States and Russia met in Riyadh.",
            "The Russian delegation was led by Foreign Minister Sergey Lavrov.",
            "This is called immune surveillance.", "Key concerns include:", "Mr. Rubio said the U.S. would stay.", "Why?",
            "It ended.", "\"Quoted,\" she said.", "(Aside.)", "…", "e.g. this", "No full stop", "A sentence that ends with a colon:"),
        Gen.Elements(HostileText.Pieces).ListOf(12).Select(p => string.Join(' ', p) + "."));

    private static readonly Gen<string> Block = Gen.Frequency(
        (6, Sentence.NonEmptyListOf().Select(s => string.Join(' ', s))),
        (2, Gen.Zip(Gen.Elements("#", "##", "###", "####### "), Sentence).Select(t => $"{t.Item1} {t.Item2}")),
        (2, Sentence.NonEmptyListOf().Select(s => string.Join('\n', s.Select(x => "- " + x)))),
        (1, Sentence.NonEmptyListOf().Select(s => string.Join('\n', s.Select((x, i) => $"{i + 1}. {x}")))),
        (2, Sentence.NonEmptyListOf().Select(s => "| A | B |\n|---|---|\n" + string.Join('\n', s.Select(x => $"| {x} | {x.Length} |")))),
        (1, Gen.Elements("|", "| |", "-", "#", "1.", "---", "```", "> quote", "  indented", "\t", "**bold**:")),
        (1, Gen.Choose(1, 20_000).Select(n => new string('x', n))),
        (1, HostileText.Any));

    /// <summary>An article body as the loader leaves it: '\n' line endings, trimmed, not empty.</summary>
    public static Gen<string> Any { get; } = Gen.Zip(Block.NonEmptyListOf(), Gen.Elements("\n", "\n\n", "\n\n\n", " \n \n"))
        .Select(t => string.Join(t.Item2, t.Item1).ReplaceLineEndings("\n").Trim())
        .Where(text => text.Length > 0);
}
