using TalksBot.Core.Answering;
using TalksBot.Llm.Answering;
using TalksBot.Llm.OpenAi;
using TalksBot.Testing.FakeOpenAi;

namespace TalksBot.Llm.Tests;

/// <summary>Wires the real adapters to a <see cref="FakeOpenAiServer"/>, with retries fast enough for tests.</summary>
internal static class LlmHarness
{
    public const string ApiKey = "sk-test-7f3a9c2e5d1b";

    public static LlmOptions Options(FakeOpenAiServer server, string? apiKey = ApiKey) => new()
    {
        Endpoint = server.Endpoint,
        ApiKey = apiKey,
        ChatModel = "test-chat-model",
        EmbeddingModel = "test-embedding-model",
        RequestTimeout = TimeSpan.FromSeconds(10),
        MaxRetries = 2,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
    };

    public static GenerativeAnswerer Answerer(LlmOptions options, IAnswerer fallback, RecordingLogger<GenerativeAnswerer>? logger = null) =>
        new(new OpenAiChatClient(options), fallback, options, logger ?? new RecordingLogger<GenerativeAnswerer>());

    public static AnswerRequest Request(string question = "Where were the talks held?", IReadOnlyList<ConversationTurn>? history = null) =>
        new(question, SampleArticles.Passages(), history ?? []);
}
