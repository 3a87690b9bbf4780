namespace TalksBot.Core.Answering;

/// <summary>A lexicon file that cannot be used; the message names the file and line and says what to fix.</summary>
internal sealed class LexiconFormatException : Exception
{
    /// <summary>Creates the exception with a message naming the file and line.</summary>
    public LexiconFormatException(string message) : base(message) { }

    /// <summary>Creates the exception wrapping the YAML parser's own error.</summary>
    public LexiconFormatException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Required by the exception pattern; prefer a message that names the file and line.</summary>
    public LexiconFormatException() { }
}
