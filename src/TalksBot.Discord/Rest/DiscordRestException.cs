using System.Net;

namespace TalksBot.Discord.Rest;

/// <summary>Discord refused a REST call; carries the status, Discord's JSON error code and its message (token redacted).</summary>
public sealed class DiscordRestException : Exception
{
    public DiscordRestException()
    {
    }

    public DiscordRestException(string message)
        : base(message)
    {
    }

    public DiscordRestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal DiscordRestException(string route, HttpStatusCode status, int? code, string? discordMessage)
        : base($"Discord answered {route} with {(int)status} {status}{(code is null ? "" : $" (code {code})")}: {discordMessage}")
    {
        Status = status;
        Code = code;
    }

    public HttpStatusCode? Status { get; }

    /// <summary>Discord's JSON error code, e.g. 10062 Unknown interaction, 50001 Missing access.</summary>
    public int? Code { get; }
}
