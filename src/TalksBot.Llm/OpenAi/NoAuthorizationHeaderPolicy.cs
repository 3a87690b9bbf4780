using System.ClientModel.Primitives;

namespace TalksBot.Llm.OpenAi;

/// <summary>
/// Local servers (Ollama, llama.cpp, LM Studio) need no key, but the SDK always takes a credential; this drops the
/// placeholder's Authorization header so no made-up token reaches the server or a proxy's logs.
/// </summary>
internal sealed class NoAuthorizationHeaderPolicy : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Request.Headers.Remove("Authorization");
        ProcessNext(message, pipeline, currentIndex);
    }

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Request.Headers.Remove("Authorization");
        return ProcessNextAsync(message, pipeline, currentIndex);
    }
}
