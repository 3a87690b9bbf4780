using TalksBot.Core.Articles;
using TalksBot.Core.Text;

namespace TalksBot.Core.Passages;

/// <summary>
/// Cuts an article into passages along its structure: a passage never crosses a heading, a heading always
/// travels with the text under it, a list or table stays whole (with the sentence that introduces it), and
/// long sections are split at paragraph or sentence boundaries with a one-sentence overlap.
/// Every passage's text is exactly <c>article.Text[Start..End]</c>.
/// </summary>
public sealed class PassageChunker(PassageChunkerOptions options)
{
    /// <summary>Changes whenever the chunking rules change, so an index built with other rules is rebuilt.</summary>
    public const string Version = "structure-v1";

    // A list longer than this many passages' worth is split at its items; a table is never split.
    private const int MaxWholeListFactor = 2;

    private readonly PassageChunkerOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Creates a chunker with the default options.</summary>
    public PassageChunker()
        : this(new PassageChunkerOptions())
    {
    }

    /// <summary>The rules version plus the options that shape passages; part of the index fingerprint.</summary>
    public string Fingerprint => $"{Version};max={_options.MaxChars};overlap={_options.OverlapSentences}";

    /// <summary>Cuts <paramref name="article"/> into passages in reading order.</summary>
    public IReadOnlyList<Passage> Chunk(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return Chunk(article.Id, article.Text);
    }

    /// <summary>Cuts <paramref name="text"/> (an article body) into passages of <paramref name="articleId"/>.</summary>
    public IReadOnlyList<Passage> Chunk(string articleId, string text)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        ArgumentNullException.ThrowIfNull(text);
        var passages = new List<Passage>();
        foreach (var section in Sections(TextBlockParser.Parse(text)))
        {
            var heading = section.Headings.Count > 0 ? section.Headings[^1].Title : null;
            foreach (var (start, end) in Pack(section, Pieces(text, section.Body)))
            {
                var passageText = text[start..end];
                passages.Add(new Passage(
                    PassageId.Create(articleId, passages.Count, passageText), articleId, passages.Count, heading, passageText, start, end));
            }
        }

        return passages;
    }

    private static List<Section> Sections(IReadOnlyList<TextBlock> blocks)
    {
        var sections = new List<Section>();
        var current = new Section([], []);
        foreach (var block in blocks)
        {
            if (block.Kind == TextBlockKind.Heading)
            {
                if (current.Body.Count > 0)
                {
                    sections.Add(current);
                    current = new Section([], []);
                }

                current.Headings.Add(block);
            }
            else
            {
                current.Body.Add(block);
            }
        }

        if (current.Body.Count > 0 || current.Headings.Count > 0)
        {
            sections.Add(current);
        }

        return sections;
    }

    private List<Piece> Pieces(string text, List<TextBlock> body)
    {
        var pieces = new List<Piece>();
        for (var b = 0; b < body.Count; b++)
        {
            var block = body[b];
            switch (block.Kind)
            {
                case TextBlockKind.Paragraph:
                    pieces.AddRange(SentenceSplitter.Split(text, block.Start, block.End).Select(s => new Piece(s.Start, s.End, b, IsSentence: true)));
                    break;
                case TextBlockKind.List when block.End - block.Start > MaxWholeListFactor * _options.MaxChars:
                    pieces.AddRange(block.Lines.Select(l => new Piece(l.Start, l.End, b, IsSentence: false)));
                    break;
                default:
                    // "Key concerns include:" means nothing without its list, and a table's intro says what it compares.
                    var start = block.Start;
                    if (pieces.Count > 0 && pieces[^1].IsSentence && text[pieces[^1].End - 1] == ':')
                    {
                        start = pieces[^1].Start;
                        pieces.RemoveAt(pieces.Count - 1);
                    }

                    pieces.Add(new Piece(start, block.End, b, IsSentence: false));
                    break;
            }
        }

        return pieces;
    }

    private List<(int Start, int End)> Pack(Section section, List<Piece> pieces)
    {
        var spans = new List<(int Start, int End)>();
        if (pieces.Count == 0)
        {
            // Only reachable for headings with nothing under them; keep their text findable rather than drop it.
            spans.Add((section.Headings[0].Start, section.Headings[^1].End));
            return spans;
        }

        var max = _options.MaxChars;
        var passageStart = section.Headings.Count > 0 ? section.Headings[0].Start : pieces[0].Start;
        var members = new List<int>();
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            if (members.Count == 0 || piece.End - passageStart <= max)
            {
                members.Add(i);
                continue;
            }

            var split = BreakIndex(pieces, members, passageStart, piece);
            var kept = members.Take(split).ToList();
            var carried = members.Skip(split).ToList();
            spans.Add((passageStart, pieces[kept[^1]].End));

            var overlap = Overlap(pieces, kept);
            members = [.. overlap, .. carried, i];
            passageStart = pieces[members[0]].Start;
        }

        spans.Add((passageStart, pieces[members[^1]].End));
        return spans;
    }

    // Prefer ending at a paragraph boundary over cutting a paragraph, when that keeps the passage at least 60% full.
    private int BreakIndex(List<Piece> pieces, List<int> members, int passageStart, Piece next)
    {
        if (next.Block != pieces[members[^1]].Block)
        {
            return members.Count;
        }

        for (var k = members.Count - 1; k >= 1; k--)
        {
            var piece = pieces[members[k]];
            if (piece.Block != pieces[members[k - 1]].Block)
            {
                return pieces[members[k - 1]].End - passageStart >= _options.MaxChars * 6 / 10 ? k : members.Count;
            }
        }

        return members.Count;
    }

    // Repeats the last sentences of the previous passage in the next one of the same section, so a sentence
    // that leans on the one before ("This meeting…") keeps its referent.
    private List<int> Overlap(List<Piece> pieces, List<int> previous)
    {
        var taken = new List<int>();
        for (var k = previous.Count - 1; k >= 0 && taken.Count < _options.OverlapSentences; k--)
        {
            var piece = pieces[previous[k]];
            if (!piece.IsSentence || piece.End - piece.Start > _options.MaxChars / 3)
            {
                break;
            }

            taken.Insert(0, previous[k]);
        }

        return taken.Count == previous.Count ? [] : taken;
    }

    private sealed record Section(List<TextBlock> Headings, List<TextBlock> Body);

    private readonly record struct Piece(int Start, int End, int Block, bool IsSentence);
}
