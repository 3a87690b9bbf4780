using Microsoft.Extensions.Logging;

namespace TalksBot.Llm.Tests;

internal sealed record LogEntry(LogLevel Level, int EventId, string Message, IReadOnlyDictionary<string, object?> Values, Exception? Exception);
