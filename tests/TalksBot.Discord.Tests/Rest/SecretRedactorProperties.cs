using FsCheck;
using FsCheck.Fluent;
using TalksBot.Discord.Rest;
using TalksBot.Testing.Fuzz;

namespace TalksBot.Discord.Tests.Rest;

public sealed class SecretRedactorProperties
{
    // Discord bot tokens and API keys: base64url segments joined by dots, far longer than the redaction marker.
    private static readonly Gen<string> Secret = Gen.Elements("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.".ToCharArray())
        .ArrayOf().Where(c => c.Length >= 16).Select(c => new string(c));

    [Fact]
    public void ATokenAnywhereInALogLineNeverSurvivesRedaction()
    {
        var cases = Gen.Zip(Secret, Gen.Zip(HostileText.Any, HostileText.Any).ListOf(3));

        Fuzz.Check(cases, c =>
        {
            var (secret, around) = c;
            // The token as sent, in an Authorization header, URL-escaped, twice in a row, and cut around.
            var line = string.Concat(around.Select(p => p.Item1 + $"Authorization: Bot {secret}" + secret + secret + p.Item2 + Uri.EscapeDataString(secret)));

            var redacted = new SecretRedactor(secret).Redact(line);

            Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        });
    }
}
