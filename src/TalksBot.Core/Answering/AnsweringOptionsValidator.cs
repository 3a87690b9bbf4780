using Microsoft.Extensions.Options;

namespace TalksBot.Core.Answering;

/// <summary>Checks <see cref="AnsweringOptions"/>'s data annotations at start-up, source-generated so no reflection is needed.</summary>
[OptionsValidator]
internal sealed partial class AnsweringOptionsValidator : IValidateOptions<AnsweringOptions>;
