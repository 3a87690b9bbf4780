namespace TalksBot.Core.Answering;

/// <summary>An answerer that can show its text while it is being written.</summary>
public interface IStreamingAnswerer : IAnswerer
{
    /// <summary>
    /// Yields the reply's text as it arrives (<see cref="AnswerStreamUpdate.Delta"/>), then exactly one last update
    /// whose <see cref="AnswerStreamUpdate.Final"/> is the verified answer — the same one <see cref="IAnswerer.AnswerAsync"/>
    /// would return. The deltas are provisional (raw [n] markers, possibly an answer later replaced by a fallback):
    /// show them as "typing", then replace them with <c>Final</c>, which alone is stored, logged and cited.
    /// </summary>
    IAsyncEnumerable<AnswerStreamUpdate> StreamAsync(AnswerRequest request, CancellationToken cancellationToken);
}
