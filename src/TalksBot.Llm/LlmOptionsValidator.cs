using Microsoft.Extensions.Options;

namespace TalksBot.Llm;

[OptionsValidator]
internal sealed partial class LlmOptionsValidator : IValidateOptions<LlmOptions>;
