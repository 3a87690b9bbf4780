namespace TalksBot.Core.Answering;

/// <summary>Turns retrieved passages into a cited answer or an abstention.</summary>
public interface IAnswerer
{
    /// <summary>A short name shown in diagnostics and eval reports.</summary>
    string Name { get; }

    /// <summary>Answers from <see cref="AnswerRequest.Passages"/> only.</summary>
    Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken);
}
