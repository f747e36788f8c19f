using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TestSupport;

/// <summary>An <see cref="ILogger"/> that keeps every formatted message, for asserting what a client logs.</summary>
internal sealed class ListLogger : ILogger
{
    internal ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    internal IReadOnlyList<string> Messages => Entries.Select(e => e.Message).ToList();

    /// <summary>Every exception passed to the logger (a sink would print its message and stack).</summary>
    internal ConcurrentQueue<Exception> Exceptions { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (exception is not null)
        {
            Exceptions.Enqueue(exception);
        }

        Entries.Enqueue((logLevel, formatter(state, exception)));
    }
}
