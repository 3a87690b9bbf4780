using Microsoft.Extensions.Options;
using TalksBot.Core.Answering.Ranking;

namespace TalksBot.Core.Answering;

/// <summary>Loads the ranker's weights at start-up, so a missing or corrupt weights file stops the start naming the key and the file.</summary>
internal sealed class RankerWeightsValidator : IValidateOptions<AnsweringOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AnsweringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            RankedSentenceAnswerer.CheckWeights(options.WeightsPath);
            return ValidateOptionsResult.Success;
        }
        catch (RankerModelException e)
        {
            return ValidateOptionsResult.Fail($"{AnsweringOptions.Section}:{nameof(AnsweringOptions.WeightsPath)}: {e.Message}");
        }
    }
}
