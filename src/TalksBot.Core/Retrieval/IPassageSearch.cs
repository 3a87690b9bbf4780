namespace TalksBot.Core.Retrieval;

/// <summary>Finds the passages most relevant to a query. Implemented over Qdrant's hybrid query.</summary>
public interface IPassageSearch
{
    /// <summary>Returns up to <paramref name="limit"/> passages, best first.</summary>
    Task<IReadOnlyList<RetrievedPassage>> SearchAsync(PassageQuery query, int limit, CancellationToken cancellationToken);
}
