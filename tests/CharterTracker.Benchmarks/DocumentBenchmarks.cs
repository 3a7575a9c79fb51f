using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using CharterTracker.Access;
using CharterTracker.Documents;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CharterTracker.Benchmarks;

/// <summary>
/// The minutes of the demo's seed meeting as a PDF through the product's printer (warm browser, a context and page per
/// document, bounded concurrency), against printing the same HTML with a bare Chromium page in the same run
/// (the floor: Chromium's own cost). Also two documents at once, and the whole request path (HTML rendering included).
/// Peak memory of Chromium's processes is printed at the end.
/// </summary>
[MemoryDiagnoser]
public class DocumentBenchmarks
{
    private string _directory = null!;
    private WebApplication _app = null!;
    private AsyncServiceScope _scope;
    private string _html = null!;
    private ChromiumPdfPrinter _printer = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _bare = null!;
    private IPage _barePage = null!;
    private long _peakChromiumRss;
    private long _meetingId;

    [GlobalSetup]
    public void Start() => StartAsync().GetAwaiter().GetResult();

    private async Task StartAsync()
    {
        _directory = Directory.CreateTempSubdirectory("chartertracker-documents-").FullName;
        _app = CharterApp.Build([], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Charter:Database:ConnectionString"] = $"Data Source={Path.Combine(_directory, "charter.db")}",
            ["Charter:KeysDirectory"] = Path.Combine(_directory, "keys"),
            ["Charter:Documents:Directory"] = Path.Combine(_directory, "documents"),
            ["Charter:DemoData"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        }));
        await CharterApp.InitialiseAsync(_app);
        _scope = _app.Services.CreateAsyncScope();
        _scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        var db = _scope.ServiceProvider.GetRequiredService<Data.DbSession>();
        _meetingId = await db.ExecuteScalarAsync<long>("SELECT Id FROM Meetings WHERE HeldOn = '2024-09-19'");
        var minutes = await _scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetMinutesDocumentQuery(_meetingId, "bn"));
        _html = await _scope.ServiceProvider.GetRequiredService<DocumentHtml>().RenderAsync<MeetingMinutes>(new Dictionary<string, object?> { ["Model"] = minutes });
        _printer = _app.Services.GetRequiredService<ChromiumPdfPrinter>();
        await _printer.PrintAsync(_html, CancellationToken.None);

        _playwright = await Playwright.CreateAsync();
        _bare = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        _barePage = await _bare.NewPageAsync();
    }

    [Benchmark(Baseline = true, Description = "Bare Chromium page: same HTML to PDF")]
    public async Task<byte[]> BarePage()
    {
        await _barePage.SetContentAsync(_html);
        var pdf = await _barePage.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
        Sample();
        return pdf;
    }

    [Benchmark(Description = "Product printer: minutes to PDF")]
    public async Task<byte[]> Printer()
    {
        var pdf = await _printer.PrintAsync(_html, CancellationToken.None);
        Sample();
        return pdf;
    }

    [Benchmark(Description = "Product printer: two minutes at once")]
    public async Task<byte[][]> PrinterTwoAtOnce()
    {
        var pdfs = await Task.WhenAll(_printer.PrintAsync(_html, CancellationToken.None), _printer.PrintAsync(_html, CancellationToken.None));
        Sample();
        return pdfs;
    }

    [Benchmark(Description = "Render the Razor minutes to HTML (no printing)")]
    public async Task<string> RenderHtml()
    {
        var minutes = await _scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetMinutesDocumentQuery(_meetingId, "bn"));
        return await _scope.ServiceProvider.GetRequiredService<DocumentHtml>().RenderAsync<MeetingMinutes>(new Dictionary<string, object?> { ["Model"] = minutes });
    }

    /// <summary>
    /// Proportional set size (shared pages split among the processes that map them) of every chromium process — the
    /// product's browser and the bare one — summed: what the browsers really take, unlike a sum of resident sizes.
    /// </summary>
    private void Sample()
    {
        long total = 0;
        foreach (var process in Process.GetProcessesByName("chromium"))
        {
            try
            {
                var line = File.ReadLines($"/proc/{process.Id}/smaps_rollup").FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
                if (line is not null) total += long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        _peakChromiumRss = Math.Max(_peakChromiumRss, total);
    }

    [GlobalCleanup]
    public void Stop()
    {
        Console.WriteLine($"// Peak memory (PSS) of all chromium processes: {_peakChromiumRss / (1024 * 1024)} MiB; this process's peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");
        _bare.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _playwright.Dispose();
        _scope.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
