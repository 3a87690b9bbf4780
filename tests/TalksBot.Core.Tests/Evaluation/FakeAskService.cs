using TalksBot.Core.Answering;

namespace TalksBot.Core.Tests.Evaluation;

/// <summary>Replies from a script and records every request, in order.</summary>
internal sealed class FakeAskService(Func<AskRequest, AskResult> reply) : IAskService
{
    public List<AskRequest> Requests { get; } = [];

    public Task<AskResult> AskAsync(AskRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.FromResult(reply(request));
    }
}
