using Microsoft.Extensions.Options;

namespace TalksBot.Discord;

[OptionsValidator]
internal sealed partial class DiscordOptionsValidator : IValidateOptions<DiscordOptions>;
