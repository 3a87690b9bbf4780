namespace TalksBot.WebArticles;

/// <summary>An article could not be imported or removed; the message is plain words a moderator can act on.</summary>
public sealed class WebArticleException : Exception
{
    public WebArticleException(WebArticleError error, string message, Exception? innerException = null)
        : base(message, innerException) => Error = error;

    public WebArticleException() { }

    public WebArticleException(string message) : base(message) { }

    public WebArticleException(string message, Exception innerException) : base(message, innerException) { }

    public WebArticleError Error { get; }
}
