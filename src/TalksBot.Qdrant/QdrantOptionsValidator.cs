using Microsoft.Extensions.Options;

namespace TalksBot.Qdrant;

[OptionsValidator]
internal sealed partial class QdrantOptionsValidator : IValidateOptions<QdrantOptions>;
