using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace CharterTracker.Documents;

/// <summary>
/// At start-up, says in the log what the first PDF would otherwise discover: Chromium missing at
/// <see cref="DocumentOptions.ChromiumPath"/>, or no Bengali font (<c>fc-list :lang=bn</c> lists none). The app still
/// starts (everything but the PDF routes works); the check runs beside start-up and never delays it.
/// </summary>
public sealed class DocumentPrinterCheck(IOptions<DocumentOptions> options, ILogger<DocumentPrinterCheck> logger) : IHostedService
{
    private const string Packages = "install the Debian packages 'chromium' and 'fonts-noto-core' (apt-get install chromium fonts-noto-core)";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(CheckAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CheckAsync()
    {
        var path = options.Value.ChromiumPath;
        if (!File.Exists(path))
        {
            logger.LogWarning("PDFs cannot be printed: Chromium is not installed at {ChromiumPath} (Charter__Documents__ChromiumPath); {Packages}. The PDF routes answer 503 until then.",
                path, Packages);
        }
        try
        {
            using var fcList = Process.Start(new ProcessStartInfo("fc-list", [":lang=bn", "family"])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            })!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var families = await fcList.StandardOutput.ReadToEndAsync(timeout.Token);
            await fcList.WaitForExitAsync(timeout.Token);
            if (string.IsNullOrWhiteSpace(families))
            {
                logger.LogWarning("PDFs will print Bengali as empty boxes: no Bengali font is installed (fc-list :lang=bn lists none); {Packages}.", Packages);
            }
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or OperationCanceledException or InvalidOperationException)
        {
            logger.LogWarning("Could not check for Bengali fonts (fc-list :lang=bn: {Error}); without them PDFs print Bengali as empty boxes; {Packages}.",
                exception.Message, Packages);
        }
    }
}
