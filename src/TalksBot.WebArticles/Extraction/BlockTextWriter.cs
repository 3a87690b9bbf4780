using System.Text;
using AngleSharp.Dom;

namespace TalksBot.WebArticles.Extraction;

/// <summary>
/// Turns the article element into plain text that keeps its structure for Core's chunker: every heading, paragraph
/// and list item on its own line, a blank line between blocks, and tables as one cell per line with a blank line between rows.
/// </summary>
internal sealed class BlockTextWriter
{
    private enum Break { None, Line, Block }

    private readonly StringBuilder _output = new();
    private readonly StringBuilder _line = new();
    private Break _pending = Break.None;
    private Break _lastBreak = Break.None;
    private int _lineMode;
    private bool _brSinceText;

    public static string Write(IElement root)
    {
        var writer = new BlockTextWriter();
        writer.Visit(root);
        writer.FlushLine();
        return writer._output.ToString();
    }

    private void Visit(INode node)
    {
        if (node is IText text)
        {
            AppendText(text.Data);
            return;
        }
        if (node is not IElement element)
            return;

        switch (element.LocalName)
        {
            case "br":
                // Two <br> in a row is how older templates separate paragraphs.
                RequestBreak(_brSinceText ? Break.Block : Break.Line);
                _brSinceText = true;
                return;
            case "li" or "dt" or "dd" or "td" or "th" or "caption":
                RequestBreak(Break.Line);
                _lineMode++;
                VisitChildren(element);
                _lineMode--;
                RequestBreak(Break.Line);
                return;
            case "tr":
                RequestBreak(Break.Block);
                VisitChildren(element);
                RequestBreak(Break.Block);
                return;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "p" or "div" or "section" or "article" or "main"
                or "blockquote" or "pre" or "ul" or "ol" or "dl" or "table" or "address" or "hr" or "details" or "summary":
                RequestBreak(_lineMode > 0 ? Break.Line : Break.Block);
                VisitChildren(element);
                RequestBreak(_lineMode > 0 ? Break.Line : Break.Block);
                return;
            default:
                VisitChildren(element);
                return;
        }
    }

    private void VisitChildren(IElement element)
    {
        foreach (var child in element.ChildNodes)
            Visit(child);
    }

    private void RequestBreak(Break kind)
    {
        if (kind > _pending)
            _pending = kind;
    }

    private void AppendText(string data)
    {
        foreach (var c in data)
        {
            if (c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD')
                continue;
            if (char.IsWhiteSpace(c))
            {
                if (_line.Length > 0 && _line[^1] != ' ')
                    _line.Append(' ');
                continue;
            }
            if (_pending != Break.None)
                FlushLine();
            _line.Append(c);
            _brSinceText = false;
        }
    }

    // Ends the current line; the pending break decides whether a blank line separates it from the next one.
    private void FlushLine()
    {
        var line = _line.ToString().Trim();
        _line.Clear();
        if (line.Length > 0)
        {
            if (_output.Length > 0)
                _output.Append(_lastBreak == Break.Block ? "\n\n" : "\n");
            _output.Append(line);
        }
        _lastBreak = _pending;
        _pending = Break.None;
    }
}
