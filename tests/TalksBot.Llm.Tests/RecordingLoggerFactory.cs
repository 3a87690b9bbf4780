using Microsoft.Extensions.Logging;

namespace TalksBot.Llm.Tests;

/// <summary>Hands every category the same <see cref="RecordingLogger{T}"/>, to see what a whole pipeline logs.</summary>
internal sealed class RecordingLoggerFactory : ILoggerFactory
{
    public RecordingLogger<RecordingLoggerFactory> Logger { get; } = new();

    public IReadOnlyList<LogEntry> Entries => Logger.Entries;

    public ILogger CreateLogger(string categoryName) => Logger;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }
}
