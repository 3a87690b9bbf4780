using Microsoft.Extensions.Options;

namespace TalksBot.Embeddings;

[OptionsValidator]
internal sealed partial class EmbeddingsOptionsValidator : IValidateOptions<EmbeddingsOptions>;
