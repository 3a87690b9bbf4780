namespace TalksBot.Core.Articles;

/// <summary>An article file that cannot be used; the message says what is wrong and what to fix.</summary>
public sealed class ArticleFormatException : Exception
{
    /// <summary>Creates the exception with a message for the moderator.</summary>
    public ArticleFormatException(string message) : base(message) { }

    /// <summary>Creates the exception wrapping the parser's own error.</summary>
    public ArticleFormatException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Required by the exception pattern; prefer a message that says what to fix.</summary>
    public ArticleFormatException() { }
}
