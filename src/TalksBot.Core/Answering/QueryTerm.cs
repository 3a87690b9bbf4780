namespace TalksBot.Core.Answering;

/// <summary>A content word of a question, stemmed; names weigh more because a missing name means a different subject.</summary>
/// <param name="Identifies">The word sits in a restrictive relative clause ("the talks that began on February 16"): it says
/// which event is meant, not what is asked, so a neighbouring sentence that names the event satisfies it fully.</param>
internal sealed record QueryTerm(string Stem, bool IsName, bool Identifies = false);
