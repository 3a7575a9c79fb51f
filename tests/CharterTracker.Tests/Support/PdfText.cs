using System.Diagnostics;

namespace CharterTracker.Tests.Support;

/// <summary>The text of a PDF as poppler's pdftotext reads it (Debian package poppler-utils, installed by tests/run.sh).</summary>
public static class PdfText
{
    public static async Task<string> ExtractAsync(byte[] pdf, bool layout = false)
    {
        var file = Path.Combine(TestDatabase.Root, $"doc-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (layout) start.ArgumentList.Add("-layout");
        start.ArgumentList.Add(file);
        start.ArgumentList.Add("-");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext did not start: install poppler-utils (tests/run.sh does).");
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, await process.StandardError.ReadToEndAsync());
        return text;
    }

    /// <summary>
    /// The text without whitespace. pdftotext puts a space inside some Bengali words where Chromium positioned a vowel
    /// sign separately (আনিছু র); phrases are compared squeezed, while the conjunct tests compare words as they are.
    /// </summary>
    public static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    public static async Task<int> PagesAsync(byte[] pdf)
    {
        var text = await ExtractAsync(pdf);
        return text.Count(c => c == '\f');
    }
}
