namespace TalksBot.WebArticles;

/// <summary>What went wrong while importing an article, so a caller can choose its reply.</summary>
public enum WebArticleError
{
    InvalidUrl,
    BlockedAddress,
    Unreachable,
    Timeout,
    HttpStatus,
    TooManyRedirects,
    NotHtml,
    TooLarge,
    NoArticleText,
    DuplicateUrl,
    DuplicateContent,
    UnknownArticle,
    UnsupportedFile,
}
