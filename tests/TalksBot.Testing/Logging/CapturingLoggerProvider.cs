using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TalksBot.Testing.Logging;

/// <summary>Keeps every log line (level, event id, formatted message) so a test can assert on what was logged.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, EventId EventId, string Message)> Entries { get; } = new();

    public string AllText => string.Join('\n', Entries.Select(e => e.Message));

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Entries.Enqueue((logLevel, eventId, formatter(state, exception) + (exception is null ? "" : "\n" + exception)));
    }
}
