using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Documents;

/// <summary>Start-up says in the log that PDFs cannot be printed, before anyone asks for one.</summary>
public sealed class DocumentPrinterCheckTests
{
    [Test]
    public async Task Start_up_logs_a_warning_naming_the_packages_when_Chromium_is_not_where_it_is_configured()
    {
        var log = new CapturedLog();
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Charter:Documents:ChromiumPath"] = "/nonexistent/chromium" },
            services: services => services.AddSingleton<ILoggerProvider>(log));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && !log.Warnings.Any(w => w.Contains("/nonexistent/chromium", StringComparison.Ordinal))) await Task.Delay(50);

        var warning = log.Warnings.FirstOrDefault(w => w.Contains("/nonexistent/chromium", StringComparison.Ordinal));
        Assert.That(warning, Does.Contain("Chromium is not installed at /nonexistent/chromium").And.Contain("apt-get install chromium fonts-noto-core"),
            string.Join('\n', log.Warnings));
    }

    [Test]
    public async Task With_Chromium_and_the_Bengali_fonts_installed_start_up_warns_of_nothing()
    {
        var log = new CapturedLog();
        await using var app = await TestApp.StartAsync(services: services => services.AddSingleton<ILoggerProvider>(log));
        await Task.Delay(1500); // the check runs beside start-up; fc-list answers in milliseconds

        Assert.That(log.Warnings.Where(w => w.Contains("PDF", StringComparison.Ordinal) || w.Contains("fc-list", StringComparison.Ordinal)), Is.Empty);
    }

    private sealed class CapturedLog : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<string> _warnings = new();

        public IReadOnlyList<string> Warnings => _warnings.ToList();

        public ILogger CreateLogger(string categoryName) => categoryName.StartsWith("CharterTracker.Documents", StringComparison.Ordinal) ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) _warnings.Enqueue(formatter(state, exception));
        }

        public void Dispose()
        {
        }
    }
}
