using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Kith.BrowserTests.Infrastructure;

/// <summary>
/// Kith's warnings and errors, kept in memory: a browser only shows "Something went wrong", and the reason is here.
/// Kith logs through Serilog, which forwards to registered providers (writeToProviders: true).
/// </summary>
public sealed class ServerLog : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Text)> entries = new();

    public IReadOnlyList<string> Errors => [.. entries.Where(e => e.Level >= LogLevel.Error).Select(e => e.Text)];

    public IReadOnlyList<string> WarningsAndErrors => [.. entries.Select(e => e.Text)];

    /// <summary>Copies the log into the test's output, which is shown when the test fails.</summary>
    public void WriteTo(Xunit.ITestOutputHelper? output)
    {
        if (output is null) return;
        foreach (var entry in WarningsAndErrors) output.WriteLine("kith: " + entry);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ServerLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) log.entries.Enqueue((logLevel, $"{logLevel} {category}: {formatter(state, exception)} {exception}".TrimEnd()));
        }
    }
}
