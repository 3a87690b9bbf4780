namespace TalksBot.Discord.Rest;

/// <summary>Removes the bot token from any text that may reach a log, an exception or a reply.</summary>
internal sealed class SecretRedactor(string secret)
{
    public string Redact(string? text) =>
        string.IsNullOrEmpty(text) || secret.Length == 0
            ? text ?? ""
            : text.Replace(secret, "[redacted]", StringComparison.Ordinal);
}
