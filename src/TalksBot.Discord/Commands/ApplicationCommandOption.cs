namespace TalksBot.Discord.Commands;

/// <summary>A slash command option.</summary>
/// <param name="Type">1 = subcommand (its own <paramref name="Options"/>), 3 = string, 4 = integer, 5 = boolean, 11 = attachment.</param>
public sealed record ApplicationCommandOption(
    int Type,
    string Name,
    string Description,
    bool? Required = null,
    int? MinLength = null,
    int? MaxLength = null,
    IReadOnlyList<ApplicationCommandOption>? Options = null)
{
    public const int SubcommandType = 1;

    public const int StringType = 3;
    public const int IntegerType = 4;
    public const int BooleanType = 5;
    public const int AttachmentType = 11;
}
