using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using TalksBot.Core.Answering;
using TalksBot.Llm.Answering;
using TalksBot.Llm.OpenAi;
using TalksBot.Core.Retrieval;
using TalksBot.Testing.FakeOpenAi;
using TalksBot.Testing.Qdrant;

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
        PromptPath = PromptPath,
    };

    /// <summary>The repository's answer prompt, the file the product ships.</summary>
    public static string PromptPath { get; } = Path.Combine(QdrantInstallation.RepositoryRoot, "data", "prompts", "answer.prompt");

    /// <summary>The chat pipeline AddLlm registers: M.E.AI's OpenAI adapter with our middleware.</summary>
    public static IChatClient Chat(LlmOptions options, ILoggerFactory? loggers = null) =>
        OpenAiClientFactory.Chat(OpenAiClientFactory.Client(options), options, loggers ?? new RecordingLoggerFactory(), TimeProvider.System);

    public static IEmbeddingGenerator<string, Embedding<float>> Embeddings(LlmOptions options) =>
        OpenAiClientFactory.Embeddings(OpenAiClientFactory.Client(options), options, new RecordingLoggerFactory(), TimeProvider.System);

    /// <summary>The answerer AddLlm registers: a kernel over the chat pipeline, the repository's prompt, <paramref name="search"/> as articles.search.</summary>
    public static VerifiedLlmAnswerer Answerer(
        LlmOptions options, IAnswerer fallback, RecordingLogger<VerifiedLlmAnswerer>? logger = null, ILoggerFactory? loggers = null, IPassageSearch? search = null)
    {
        loggers ??= new RecordingLoggerFactory();
        return new VerifiedLlmAnswerer(
            AnswerKernel.Create(Chat(options, loggers), options, loggers), AnswerPrompt.Load(options.PromptPath), search ?? new FakePassageSearch([]),
            fallback, options, TimeProvider.System, logger ?? new RecordingLogger<VerifiedLlmAnswerer>());
    }

    public static AnswerRequest Request(string question = "Where were the talks held?", IReadOnlyList<ConversationTurn>? history = null) =>
        new(question, SampleArticles.Passages(), history ?? []);

    /// <summary>Every update of a streamed answer, the final one last.</summary>
    public static async Task<List<AnswerStreamUpdate>> CollectAsync(IAsyncEnumerable<AnswerStreamUpdate> stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var updates = new List<AnswerStreamUpdate>();
        await foreach (var update in stream)
        {
            updates.Add(update);
        }

        return updates;
    }
}
