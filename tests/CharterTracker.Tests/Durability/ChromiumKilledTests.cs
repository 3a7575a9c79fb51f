using System.Diagnostics;
using System.Net;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Durability;

/// <summary>
/// The Chromium that prints documents is killed (out of memory, an operator): the next document still prints.
/// Only that server's own Chromium processes are killed, found under its process id, never a browser of anyone else.
/// </summary>
[Category("Chromium")]
[NonParallelizable]
public sealed class ChromiumKilledTests
{
    [Test]
    public async Task After_the_printers_chromium_is_killed_the_next_document_prints()
    {
        await using var server = await ServerProcess.StartAsync(TestDatabase.NewDirectory());
        using var admin = await server.AsAdminAsync();
        var office = (await admin.PostJsonAsync("/api/v1/offices",
            new { code = "PRN", nameBn = "মুদ্রণ দপ্তর", nameEn = "Printing Office", kind = "Ministry", activeFrom = "2020-07-01" }, HttpStatusCode.Created)).Id();
        var first = await admin.GetAsync($"/api/v1/offices/{office}/annual-report.pdf?fiscalYear=2024-25&lang=en");
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), await first.Content.ReadAsStringAsync());

        var killed = server.Descendants().Where(p => p.Command.Contains("chromium", StringComparison.Ordinal)).ToList();
        foreach (var (pid, _) in killed)
        {
            try { Process.GetProcessById(pid).Kill(); } catch (Exception e) when (e is ArgumentException or InvalidOperationException) { }
        }
        await Task.Delay(300);

        var next = await admin.GetAsync($"/api/v1/offices/{office}/quarterly-report.pdf?fiscalYear=2024-25&quarter=1&lang=en");
        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.OK), await next.Content.ReadAsStringAsync());
        var text = await PdfText.ExtractAsync(await next.Content.ReadAsByteArrayAsync());
        var relaunched = server.Descendants().Where(p => p.Command.Contains("chromium", StringComparison.Ordinal)).Select(p => p.Pid).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(killed, Is.Not.Empty, "the printer's Chromium was found and killed");
            Assert.That(text, Does.Contain("Printing Office"));
            Assert.That(relaunched, Is.Not.Empty, "a new Chromium prints");
            Assert.That(relaunched.Intersect(killed.Select(k => k.Pid)), Is.Empty, "none of the killed ones");
        });
    }
}
