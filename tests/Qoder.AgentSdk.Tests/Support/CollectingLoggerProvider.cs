using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Qoder.AgentSdk.Tests.Support;

/// <summary>Keeps every formatted log line (and exception text) at every level, to assert what is and is not logged.</summary>
internal sealed class CollectingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyCollection<string> Messages => _messages;

    public ILogger CreateLogger(string categoryName) => new Collector(_messages);

    public void Dispose()
    {
    }

    private sealed class Collector(ConcurrentQueue<string> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            messages.Enqueue($"{logLevel} {eventId.Id} {formatter(state, exception)} {exception}");
    }
}
