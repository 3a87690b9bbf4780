using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace TalksBot.Llm.Answering;

/// <summary>
/// The Semantic Kernel that drives generative answering, built from the model-access services: the chat pipeline
/// wrapped in Semantic Kernel's function invocation (so kernel filters see every tool call), and <see cref="KernelCallFilter"/>.
/// Each question clones it and adds its own <see cref="ArticleSearchPlugin"/>.
/// </summary>
internal static class AnswerKernel
{
    public static Kernel Create(IChatClient chat, LlmOptions options, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        var functionCalling = chat.AsBuilder().UseKernelFunctionInvocation(loggers).Build();
        // A backstop behind ArticleSearchPlugin's own bound: the searches, then the answer.
        functionCalling.GetService<FunctionInvokingChatClient>()!.MaximumIterationsPerRequest = options.MaxSearches + 1;
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(loggers);
        builder.Services.AddSingleton(functionCalling);
        builder.Services.AddSingleton<IFunctionInvocationFilter>(new KernelCallFilter(options.ApiKey, loggers.CreateLogger<KernelCallFilter>()));
        return builder.Build();
    }
}
