using Microsoft.Extensions.Logging;

namespace TalksBot.Llm;

/// <summary>6xxx: the language model. Question and reply text only at Debug; the API key never.</summary>
internal static partial class LlmLog
{
    [LoggerMessage(6001, LogLevel.Debug, "Asking {Model} with {PassageCount} passages and {HistoryTurns} earlier turns: {Question}")]
    public static partial void LogAsking(this ILogger logger, string model, int passageCount, int historyTurns, string question);

    [LoggerMessage(6002, LogLevel.Debug, "The language model replied: {Reply}")]
    public static partial void LogReply(this ILogger logger, string reply);

    [LoggerMessage(6003, LogLevel.Information, "The language model answered with {CitationCount} citations; {RemovedClaims} claims cited no retrieved passage and were removed")]
    public static partial void LogAnswered(this ILogger logger, int citationCount, int removedClaims);

    [LoggerMessage(6004, LogLevel.Information, "The language model said the articles do not answer the question; abstaining")]
    public static partial void LogSentinel(this ILogger logger);

    [LoggerMessage(6005, LogLevel.Warning, "No claim in the language model's reply cited a retrieved passage; falling back to the {Fallback} answerer")]
    public static partial void LogUncited(this ILogger logger, string fallback);

    [LoggerMessage(6006, LogLevel.Warning, "The language model is unavailable ({Failure}: {Reason}); falling back to the {Fallback} answerer")]
    public static partial void LogUnavailable(this ILogger logger, LlmFailure failure, string reason, string fallback);

    [LoggerMessage(6007, LogLevel.Warning, "Retrying the language model call (attempt {Attempt}) in {DelayMs:0} ms: {Reason}")]
    public static partial void LogRetrying(this ILogger logger, int attempt, double delayMs, string reason);

    [LoggerMessage(6009, LogLevel.Information, "Answers come from {Model} at {Endpoint}; the {Fallback} answerer covers its failures")]
    public static partial void LogChatConfigured(this ILogger logger, string model, string endpoint, string fallback);

    [LoggerMessage(6010, LogLevel.Debug, "The language model called {Function}({Arguments})")]
    public static partial void LogFunctionCalled(this ILogger logger, string function, string arguments);

    [LoggerMessage(6011, LogLevel.Debug, "{Function} returned {Length} characters to the language model")]
    public static partial void LogFunctionReturned(this ILogger logger, string function, int length);

    [LoggerMessage(6012, LogLevel.Information, "The language model searched the articles {Searches} times; {Citable} passages were citable")]
    public static partial void LogSearched(this ILogger logger, int searches, int citable);
}
