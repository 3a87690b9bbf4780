using System.Collections.Concurrent;
using TalksBot.Core.Answering;

namespace TalksBot.Discord.Tests.Fakes;

internal sealed class FakeAskService(Func<AskRequest, CancellationToken, Task<AskResult>> ask) : IAskService
{
    public ConcurrentQueue<AskRequest> Requests { get; } = new();

    public Task<AskResult> AskAsync(AskRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        return ask(request, cancellationToken);
    }
}
