namespace TalksBot.Discord.Commands;

/// <summary>A file given in an attachment option, as Discord describes it; the content is fetched on demand.</summary>
public sealed class InteractionAttachment
{
    internal InteractionAttachment(string fileName, long size, string? contentType, Uri url)
    {
        FileName = fileName;
        Size = size;
        ContentType = contentType;
        Url = url;
    }

    /// <summary>Discord's sanitised file name, e.g. <c>talks-update.md</c>.</summary>
    public string FileName { get; }

    /// <summary>The size Discord reports, in bytes.</summary>
    public long Size { get; }

    /// <summary>The media type Discord guessed, if any.</summary>
    public string? ContentType { get; }

    /// <summary>Where Discord's file server serves the content. Signed, so not public: it stays out of logs and replies.</summary>
    internal Uri Url { get; }
}
