using Microsoft.Extensions.Options;

namespace TalksBot.Core.Answering;

/// <summary>Loads the lexicon at start-up, so a missing folder or a malformed file stops the start naming the key and the file.</summary>
internal sealed class LexiconValidator : IValidateOptions<AnsweringOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AnsweringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            Lexicon.Load(options.LexiconPath);
            return ValidateOptionsResult.Success;
        }
        catch (LexiconFormatException e)
        {
            return ValidateOptionsResult.Fail($"{AnsweringOptions.Section}:{nameof(AnsweringOptions.LexiconPath)}: {e.Message}");
        }
    }
}
