using System.Globalization;
using TalksBot.Discord.Commands;

namespace TalksBot.Discord.Rest;

/// <summary>
/// Fetches attachment content from Discord's file server. A client of its own: the file server needs no token, and the
/// bot token must never travel to a host other than the API.
/// </summary>
internal sealed class AttachmentDownloader(IHttpClientFactory httpFactory)
{
    public const string HttpClientName = "DiscordAttachments";

    /// <exception cref="AttachmentDownloadException">Over <paramref name="maxBytes"/>, or the file server failed.</exception>
    public async Task<byte[]> DownloadAsync(InteractionAttachment attachment, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        // Discord states the size up front, so an oversized file is refused without fetching any of it.
        if (attachment.Size > maxBytes)
            throw TooLarge(attachment.Size, maxBytes);
        if (attachment.Url.Scheme != Uri.UriSchemeHttps && attachment.Url.Scheme != Uri.UriSchemeHttp)
            throw new AttachmentDownloadException($"Discord gave {attachment.FileName} an address that is not a web address.");

        var http = httpFactory.CreateClient(HttpClientName);
        try
        {
            using var response = await http.GetAsync(attachment.Url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new AttachmentDownloadException(
                    $"Discord's file server answered {(int)response.StatusCode} for {attachment.FileName}; upload it again.");
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await ReadAtMostAsync(body, maxBytes, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new AttachmentDownloadException($"Could not fetch {attachment.FileName} from Discord's file server ({e.HttpRequestError}).", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AttachmentDownloadException($"Fetching {attachment.FileName} from Discord's file server timed out.", e);
        }
    }

    // The stated size is only a claim: stop reading once the content passes the limit.
    private static async Task<byte[]> ReadAtMostAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream();
        var buffer = new byte[81_920];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (content.Length + read > maxBytes)
                throw TooLarge(content.Length + read, maxBytes, atLeast: true);
            content.Write(buffer, 0, read);
        }

        return content.ToArray();
    }

    private static AttachmentDownloadException TooLarge(long size, long maxBytes, bool atLeast = false) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"The file is {(atLeast ? "over " : "")}{size} bytes; articles may be at most {maxBytes} bytes."));
}
