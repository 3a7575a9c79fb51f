using CharterTracker.Pipeline;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace CharterTracker.Documents;

/// <summary><c>Charter:Documents</c>.</summary>
public sealed class DocumentOptions
{
    /// <summary>Debian's chromium; never a browser downloaded by Playwright.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>How many documents print at once (one page each, in one browser).</summary>
    public int MaxConcurrentPages { get; set; } = 2;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Generated PDFs, named by their SHA-256. Default <c>data/documents</c>.</summary>
    public string Directory { get; set; } = Path.Combine("data", "documents");
}

/// <summary>503: documents cannot be printed on this machine now (Chromium missing or not starting).</summary>
public sealed class DocumentPrinterUnavailableException(string message)
    : ProblemException(StatusCodes.Status503ServiceUnavailable, "Documents cannot be printed now.", message);

/// <summary>
/// Prints HTML to PDF with headless Chromium. One browser is kept warm for the process, with up to
/// <see cref="DocumentOptions.MaxConcurrentPages"/> warm pages (a page loads the Bengali fonts once; a fresh page per
/// document cost four times a bare print). A page prints one document at a time, its content replaced whole; scripts
/// are off and the network is unreachable. Each document has a time limit; a browser that died (killed, crashed) is
/// relaunched on the next document.
/// </summary>
public sealed class ChromiumPdfPrinter(IOptions<DocumentOptions> options, ILogger<ChromiumPdfPrinter> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _pages = new(Math.Max(1, options.Value.MaxConcurrentPages));
    private readonly SemaphoreSlim _launch = new(1);
    private readonly System.Collections.Concurrent.ConcurrentBag<IPage> _idle = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IBrowserContext? _context;

    /// <summary>The running browser's process, for tests that kill it.</summary>
    public bool IsRunning => _browser?.IsConnected == true;

    public async Task<byte[]> PrintAsync(string html, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        await _pages.WaitAsync(timeout.Token);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var browser = await BrowserAsync(timeout.Token);
                IPage? page = null;
                try
                {
                    page = _idle.TryTake(out var warm) && !warm.IsClosed ? warm : await NewPageAsync();
                    await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
                    timeout.Token.ThrowIfCancellationRequested();
                    var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
                    _idle.Add(page);
                    return pdf;
                }
                catch (PlaywrightException exception) when (attempt == 1 && !browser.IsConnected)
                {
                    // The browser died under us (killed, out of memory): start a new one and print again, once.
                    logger.LogWarning(exception, "Chromium disconnected while printing; relaunching.");
                    await ResetAsync();
                }
                catch (Exception) when (page is not null && browser.IsConnected)
                {
                    // A page that failed (a time-out) is not trusted again.
                    try { await page.CloseAsync(); } catch (PlaywrightException) { }
                    throw;
                }
            }
        }
        finally
        {
            _pages.Release();
        }
    }

    private async Task<IPage> NewPageAsync()
    {
        var page = await _context!.NewPageAsync();
        page.SetDefaultTimeout((float)options.Value.Timeout.TotalMilliseconds);
        return page;
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } running) return running;
        await _launch.WaitAsync(cancellationToken);
        try
        {
            if (_browser is { IsConnected: true } again) return again;
            await ResetAsync();
            var path = options.Value.ChromiumPath;
            if (!File.Exists(path))
            {
                throw new DocumentPrinterUnavailableException(
                    $"Chromium is not installed at {path}: install the Debian packages 'chromium' and 'fonts-noto-core' (apt-get install chromium fonts-noto-core).");
            }
            try
            {
                _playwright = await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = path,
                    Headless = true,
                    // The machine's network is closed: no background traffic, no GPU, no sandbox as root.
                    Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
                });
                _browser.Disconnected += (_, _) => logger.LogWarning("Chromium disconnected.");
                _context = await _browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Offline = true });
                return _browser;
            }
            catch (PlaywrightException exception)
            {
                await ResetAsync();
                throw new DocumentPrinterUnavailableException($"Chromium at {path} could not be started: {exception.Message.Split('\n')[0]}");
            }
        }
        finally
        {
            _launch.Release();
        }
    }

    private async Task ResetAsync()
    {
        _idle.Clear();
        _context = null;
        try
        {
            if (_browser is not null) await _browser.DisposeAsync();
        }
        catch (PlaywrightException)
        {
            // Already gone.
        }
        _browser = null;
        _playwright?.Dispose();
        _playwright = null;
    }

    public async ValueTask DisposeAsync() => await ResetAsync();
}
