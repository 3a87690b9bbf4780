namespace TalksBot.Discord.Commands;

/// <summary>An attachment could not be fetched; the message says why in words fit for the user, without the file's URL.</summary>
public sealed class AttachmentDownloadException : Exception
{
    public AttachmentDownloadException()
    {
    }

    public AttachmentDownloadException(string message)
        : base(message)
    {
    }

    public AttachmentDownloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
