using TalksBot.Core.Retrieval;

namespace TalksBot.Llm.Answering;

/// <summary>
/// The passages one answer may cite, numbered from 1: those retrieved for the question, then those the model's
/// searches found (numbering continues; a passage found again keeps its number).
/// </summary>
internal sealed class CitablePassages(IReadOnlyList<RetrievedPassage> retrieved)
{
    private readonly List<RetrievedPassage> _passages = [.. retrieved];
    private readonly Lock _lock = new();

    public IReadOnlyList<RetrievedPassage> Snapshot()
    {
        lock (_lock)
        {
            return [.. _passages];
        }
    }

    /// <summary>Adds the passages not yet citable and returns every one of <paramref name="found"/> with its number.</summary>
    public IReadOnlyList<(int Number, RetrievedPassage Passage)> Add(IEnumerable<RetrievedPassage> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        var numbered = new List<(int, RetrievedPassage)>();
        lock (_lock)
        {
            foreach (var passage in found)
            {
                var index = _passages.FindIndex(p => p.Passage.Id == passage.Passage.Id);
                if (index < 0)
                {
                    _passages.Add(passage);
                    index = _passages.Count - 1;
                }

                numbered.Add((index + 1, _passages[index]));
            }
        }

        return numbered;
    }
}
