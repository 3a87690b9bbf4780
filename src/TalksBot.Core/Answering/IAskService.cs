namespace TalksBot.Core.Answering;

/// <summary>The one entry point for asking: the CLI, eval and the Discord bot all go through it.</summary>
public interface IAskService
{
    /// <summary>Retrieves, answers and remembers the turn when a conversation id is given.</summary>
    Task<AskResult> AskAsync(AskRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="AskAsync(AskRequest, CancellationToken)"/>, but when the answerer can stream, passes each piece of
    /// provisional text to <paramref name="onText"/> as it is written. The result is still the verified answer, which
    /// the caller shows in place of the provisional text. Implementations that cannot stream just answer.
    /// </summary>
    Task<AskResult> AskAsync(AskRequest request, Action<string>? onText, CancellationToken cancellationToken) =>
        AskAsync(request, cancellationToken);
}
