using TalksBot.Core.Answering;

namespace TalksBot.Llm.Tests;

/// <summary>A hand-written fallback answerer: answers through a callback and counts its calls.</summary>
internal sealed class FakeAnswerer(Func<AnswerRequest, Answer> answer) : IAnswerer
{
    public const string FallbackText = "Extracted: the talks were held in Riyadh.";

    public int Calls { get; private set; }

    public string Name => "extractive";

    public static FakeAnswerer Answering() =>
        new(_ => new Answer(FallbackText, Abstained: false, [], "extractive"));

    public static FakeAnswerer Abstaining() =>
        new(_ => new Answer("The articles don't say.", Abstained: true, [], "extractive"));

    public Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        Calls++;
        return Task.FromResult(answer(request));
    }
}
