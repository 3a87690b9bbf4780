using System.Globalization;

namespace TalksBot.DeferralBench;

/// <summary>The bench's command line.</summary>
internal sealed record BenchOptions(int Interactions, int WarmUp, string? JsonPath, IReadOnlyList<string> BotSettings)
{
    public const string Usage = """
        Usage: TalksBot.DeferralBench [--interactions N] [--warmup N] [--json FILE] [--set KEY=VALUE]...
          --interactions N  /ask interactions sent at once (default 100)
          --warmup N        interactions sent and answered first, not measured (default 10)
          --json FILE       also write the figures as JSON
          --set KEY=VALUE   a setting for the bot (talksbot run -c), e.g. Embeddings:Provider=Hashing; repeatable
        """;

    public static bool TryParse(IReadOnlyList<string> args, out BenchOptions options, out string error)
    {
        options = new BenchOptions(100, 10, null, []);
        error = "";
        var settings = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                error = $"{name} needs a value";
                return false;
            }

            var value = args[++i];
            switch (name)
            {
                case "--interactions" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 10_000:
                    options = options with { Interactions = n };
                    break;
                case "--warmup" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 10_000:
                    options = options with { WarmUp = n };
                    break;
                case "--json":
                    options = options with { JsonPath = value };
                    break;
                case "--set" when value.Contains('=', StringComparison.Ordinal):
                    settings.Add(value);
                    break;
                case "--interactions" or "--warmup":
                    error = $"{name} must be a whole number from {(name == "--warmup" ? 0 : 1)} to 10000, not '{value}'";
                    return false;
                case "--set":
                    error = $"--set must be KEY=VALUE, not '{value}'";
                    return false;
                default:
                    error = $"Unknown option {name}";
                    return false;
            }
        }

        options = options with { BotSettings = settings };
        return true;
    }
}
