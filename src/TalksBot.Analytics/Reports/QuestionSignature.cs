namespace TalksBot.Analytics.Reports;

/// <summary>What a question is compared by when grouping coverage gaps.</summary>
/// <param name="Asks">Its question words (who, what, when, ...).</param>
/// <param name="Content">Its other terms, normalised; includes <paramref name="Names"/>.</param>
/// <param name="Names">Terms that name someone or somewhere: capitalised mid-sentence, or a country or demonym.</param>
internal sealed record QuestionSignature(IReadOnlySet<string> Asks, IReadOnlySet<string> Content, IReadOnlySet<string> Names);
