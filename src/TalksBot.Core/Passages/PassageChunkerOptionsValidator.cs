using Microsoft.Extensions.Options;

namespace TalksBot.Core.Passages;

/// <summary>Checks <see cref="PassageChunkerOptions"/>'s data annotations at start-up, source-generated so no reflection is needed.</summary>
[OptionsValidator]
internal sealed partial class PassageChunkerOptionsValidator : IValidateOptions<PassageChunkerOptions>;
