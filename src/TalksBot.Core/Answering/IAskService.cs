namespace TalksBot.Core.Answering;

/// <summary>The one entry point for asking: the CLI, eval and the Discord bot all go through it.</summary>
public interface IAskService
{
    /// <summary>Retrieves, answers and remembers the turn when a conversation id is given.</summary>
    Task<AskResult> AskAsync(AskRequest request, CancellationToken cancellationToken);
}
