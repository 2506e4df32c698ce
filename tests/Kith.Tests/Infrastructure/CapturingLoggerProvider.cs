using Microsoft.Extensions.Logging;

namespace Kith.Tests.Infrastructure;

/// <summary>Writes every log event of every test host to one file, for the after-suite secrets audit.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : "";
            TestSecrets.AppendLog($"{logLevel} {category} {formatter(state, exception)} {properties} {exception}");
        }
    }
}
