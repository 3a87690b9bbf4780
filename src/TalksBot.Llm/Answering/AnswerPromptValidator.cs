using Microsoft.Extensions.Options;

namespace TalksBot.Llm.Answering;

/// <summary>Loads the answer prompt at start-up when answers are generated, so a bad template stops the start naming the key and the file.</summary>
internal sealed class AnswerPromptValidator : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsChatConfigured || string.IsNullOrWhiteSpace(options.PromptPath))
        {
            return ValidateOptionsResult.Skip;
        }

        try
        {
            AnswerPrompt.Load(options.PromptPath);
            return ValidateOptionsResult.Success;
        }
        catch (AnswerPromptException e)
        {
            return ValidateOptionsResult.Fail($"{LlmOptions.Section}:{nameof(LlmOptions.PromptPath)}: {e.Message}");
        }
    }
}
