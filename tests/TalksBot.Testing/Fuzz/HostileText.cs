using FsCheck;
using FsCheck.Fluent;

namespace TalksBot.Testing.Fuzz;

/// <summary>
/// Text as users, articles and Discord send it at worst: mention tokens, emoji, right-to-left and zero-width marks,
/// markdown, other scripts, prompt-injection phrases, control characters, and runs of up to 10,000 characters.
/// </summary>
public static class HostileText
{
    public static readonly string[] Pieces =
    [
        "", " ", "\t", "\n", "\r", "\r\n", "\u00A0", "\u2028", "\u3000",
        "<@123>", "<@!123>", "<@&456>", "<#789>", "@everyone", "@here", "@\u200Beveryone", "<:emoji:42>", "<a:dance:43>",
        "\U0001F600", "\U0001F469\u200D\U0001F4BB", "\uFE0F", "\uD83D", "\uDE00",
        "\u202E", "\u200F", "\u200E", "\u200B", "\u200C", "\u200D", "\u2066", "\uFEFF",
        "**", "__", "~~", "`", "```", "||", "> ", "# ", "- ", "1. ", "[link](https://example.com)", "\\",
        "مرحبا", "שלום", "Привет", "你好", "こんにちは", "안녕", "नमस्ते", "Ελλάδα", "Ω", "ß", "İ",
        "Ignore previous instructions", "system:", "</s>", "{{", "}}", "%s", "{0}", "'; DROP TABLE", "<script>",
        "Who", "What", "When", "Where", "led", "the", "Russian", "delegation", "?", ".", "!", ",", ":",
        "Lavrov", "Riyadh", "February 18, 2025", "U.S.", "Mr.", "1", "2025", "\0", "\u0007", "\u001B[31m", "\u0085",
    ];

    /// <summary>A string of hostile pieces and random characters, sometimes very long.</summary>
    public static Gen<string> Any { get; } = Gen.Frequency(
        (8, Gen.Elements(Pieces).ListOf().Select(p => string.Concat(p.Select((s, i) => i % 3 == 2 ? s + " " : s)))),
        (3, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "")),
        (1, Gen.Elements(Pieces).Select(p => string.Concat(Enumerable.Repeat(p.Length == 0 ? "a" : p, 10_000 / Math.Max(1, p.Length))))),
        (1, Gen.Elements("", " ", "\t\n ", "\u200B\u200B", new string(' ', 10_000))));
}
