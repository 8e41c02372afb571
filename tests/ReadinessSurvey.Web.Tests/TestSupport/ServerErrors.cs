using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ReadinessSurvey.Tests.Web;

/// <summary>
/// The errors the test apps logged, newest last, so that a test that got a 500 can say why (the app's
/// error page does not). Fed by a logger every <see cref="ReadinessWebFactory"/> adds.
/// </summary>
public static class ServerErrors
{
    private static readonly ConcurrentQueue<string> Recent = new();

    public static void Add(string entry)
    {
        Recent.Enqueue(entry);
        while (Recent.Count > 20 && Recent.TryDequeue(out _))
        {
        }
    }

    /// <summary>The last few errors logged by any test app, for a failure message.</summary>
    public static string Latest(int count = 3) =>
        Recent.IsEmpty ? "(no server error was logged)" : string.Join("\n---\n", Recent.ToArray().TakeLast(count));

    internal sealed class Provider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Add($"{category}: {formatter(state, exception)}\n{exception}");
            }
        }
    }
}
