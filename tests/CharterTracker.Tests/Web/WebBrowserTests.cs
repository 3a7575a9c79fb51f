using System.Net;
using System.Text.RegularExpressions;
using CharterTracker.Access;
using CharterTracker.Tests.Support;
using Microsoft.Playwright;

namespace CharterTracker.Tests.Web;

/// <summary>
/// The pages in a real browser: Debian's Chromium, headless, driven by Playwright against the app on loopback.
/// Screenshots of the dashboard and the workspace in both languages go to /tmp/ct-screens/.
/// </summary>
[Category("Chromium")]
[NonParallelizable]
public sealed class WebBrowserTests
{
    private const string Screens = Browser.Screens;
    private TestApp _app = null!;
    private Browser _browser = null!;
    private long _ministry;
    private long[] _agencies = [];
    private long _otherAgency;
    private long _meeting;

    [OneTimeSetUp]
    public async Task Start()
    {
        // Records made in Q1 of 2024-25, then the clock moved past Q1's due date (15 October) so that the heat map
        // shows every status: Done (recorded in time), Late (recorded after the due date), Missed and Not applicable.
        _app = await TestApp.StartAsync(TestClock.At(2024, 9, 20));
        (_ministry, _agencies) = await new Given(_app).MinistryWithAsync(3);
        (_, var others) = await new Given(_app).MinistryWithAsync(1, "OTH");
        _otherAgency = others[0];
        await _app.UserAsync("committee", Role.MonitoringCommittee, _ministry, language: "en");
        await _app.UserAsync("a1.fp", Role.FocalPoint, _agencies[0], language: "bn");
        await _app.UserAsync("a3.fp", Role.FocalPoint, _agencies[2], language: "en");
        var a1 = await _app.SignInAsync("a1.fp");
        await a1.PostJsonAsync($"/api/v1/offices/{_agencies[0]}/charter-updates", Samples.CharterUpdate(updatedOn: "2024-09-18"), HttpStatusCode.Created);
        await a1.PostJsonAsync($"/api/v1/offices/{_agencies[0]}/reports", Samples.Report(submittedOn: "2024-09-19"), HttpStatusCode.Created);
        _meeting = (await a1.PostJsonAsync($"/api/v1/offices/{_agencies[0]}/meetings", Samples.Meeting().With("kind", "StakeholderAwareness"), HttpStatusCode.Created)).Id();

        _app.Clock.SetDhakaDate(2024, 10, 17);
        _app.ForgetSignIns();
        var admin = await _app.AsAdminAsync();
        await admin.PostJsonAsync($"/api/v1/offices/{_agencies[1]}/charter-updates", Samples.CharterUpdate(updatedOn: "2024-09-29"), HttpStatusCode.Created);

        _app.Clock.SetDhakaDate(2024, 10, 20);
        _app.ForgetSignIns();

        _browser = await Browser.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        await _app.DisposeAsync();
    }

    private Task<IPage> SignInAsync(string path, string username, string landsOn) => _browser.SignInAsync(_app, username, path, landsOn);

    [Test]
    public async Task A_focal_point_signs_in_on_the_form_and_sees_the_checklist_in_both_languages()
    {
        var page = await SignInAsync("/workspace", "a1.fp", "/workspace");
        Assert.That(await page.Locator("html").GetAttributeAsync("lang"), Is.EqualTo("bn"), "the focal point's stored language");

        // The current quarter (Q2) by default; the Q1 link is an ordinary link, reached from the keyboard.
        Assert.That(await page.Locator("p.muted").First.InnerTextAsync(), Does.Contain("২য় ত্রৈমাসিক"));
        await page.GetByRole(AriaRole.Link, new() { Name = "১ম ত্রৈমাসিক" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.ArrivesAtAsync(new Regex("quarter=1"));

        var row = page.Locator("tr[data-indicator='1.1.1']");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await row.GetAttributeAsync("data-status"), Is.EqualTo("Done"));
            Assert.That(await row.InnerTextAsync(), Does.Contain("সম্পন্ন").And.Contain("১৫ অক্টোবর ২০২৪"));
            Assert.That(await page.Locator("tr[data-indicator='2.1.2']").GetAttributeAsync("data-status"), Is.EqualTo("Pending"), "an annual item is due after the year");
        });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screens, "workspace-bn.png"), FullPage = true });

        await page.Locator("header.top").GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await page.ArrivesAtAsync(new Regex("lang=en"));
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await page.Locator("html").GetAttributeAsync("lang"), Is.EqualTo("en"));
            Assert.That(await page.Locator("h2#checklist").InnerTextAsync(), Is.EqualTo("Checklist for this quarter"));
            Assert.That(await row.InnerTextAsync(), Does.Contain("Done").And.Contain("15 October 2024"));
        });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screens, "workspace-en.png"), FullPage = true });

        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screens, "workspace-en-phone.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task The_committee_opens_the_dashboard_and_drills_down_to_an_agency()
    {
        var page = await SignInAsync("/", "committee", landsOn: "/dashboard");
        await page.GetByRole(AriaRole.Link, new() { Name = "Q1" }).ClickAsync();
        await page.ArrivesAtAsync(new Regex("quarter=1"));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await page.Locator("h1").InnerTextAsync(), Is.EqualTo("Dashboard: Office MIN"));
            Assert.That(await page.Locator($"tr[data-office='{_agencies[0]}'] td[data-indicator='1.1.1']").GetAttributeAsync("data-status"), Is.EqualTo("Done"));
            Assert.That(await page.Locator($"tr[data-office='{_agencies[1]}'] td[data-indicator='1.1.1']").InnerTextAsync(), Does.Contain("Late"));
            Assert.That(await page.Locator($"tr[data-office='{_agencies[2]}'] td[data-indicator='1.1.1']").InnerTextAsync(), Does.Contain("Missed"));
            Assert.That(await page.Locator("[data-figure='offices'] dd").InnerTextAsync(), Is.EqualTo("4"));
        });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screens, "dashboard-en.png"), FullPage = true });

        await page.Locator("header.top").GetByRole(AriaRole.Link, new() { Name = "বাংলা" }).ClickAsync();
        await page.ArrivesAtAsync(new Regex("lang=bn"));
        Assert.That(await page.Locator("[data-figure='offices'] dd").InnerTextAsync(), Is.EqualTo("৪"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screens, "dashboard-bn.png"), FullPage = true });

        var phone = await page.Context.NewPageAsync();
        await phone.SetViewportSizeAsync(390, 844);
        await phone.GotoAsync(page.Url);
        await phone.ScreenshotAsync(new() { Path = Path.Combine(Screens, "dashboard-bn-phone.png"), FullPage = true });
        await phone.CloseAsync();

        await page.Locator("section[data-table='heat-map']").GetByRole(AriaRole.Link, new() { Name = "দপ্তর MIN-A2" }).ClickAsync();
        await page.ArrivesAtAsync(new Regex($"officeId={_agencies[1]}&"));
        var crumbs = await page.Locator("nav.breadcrumb li").AllInnerTextsAsync();
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(crumbs, Is.EqualTo(new[] { "দপ্তর MIN", "দপ্তর MIN-A2" }));
            Assert.That(await page.Locator("table.heatmap tbody tr").CountAsync(), Is.EqualTo(1), "an agency without subordinates: its own row only");
        });

        await page.GetByRole(AriaRole.Navigation, new() { Name = "অবস্থান" }).GetByRole(AriaRole.Link, new() { Name = "দপ্তর MIN", Exact = true }).ClickAsync();
        await page.ArrivesAtAsync(new Regex($"officeId={_ministry}&"));

        // The quarter's meetings link their minutes: the English PDF downloads and reads as the meeting's minutes.
        var meetings = page.Locator("section[data-table='meetings']");
        Assert.That(await meetings.Locator($"tr[data-meeting='{_meeting}']").InnerTextAsync(), Does.Contain("দপ্তর MIN-A1"));
        var pdf = await page.RunAndWaitForDownloadAsync(() => meetings.Locator($"tr[data-meeting='{_meeting}']").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("English") }).ClickAsync());
        var bytes = await File.ReadAllBytesAsync(await pdf.PathAsync());
        Assert.Multiple(async () =>
        {
            Assert.That(pdf.SuggestedFilename, Is.EqualTo($"minutes-{_meeting}-en.pdf"));
            Assert.That(System.Text.Encoding.ASCII.GetString(bytes, 0, 5), Is.EqualTo("%PDF-"));
            Assert.That(PdfText.Squeeze(await PdfText.ExtractAsync(bytes)), Does.Contain("Distribution(notinorderofseniority)"));
        });
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task A_focal_point_records_a_charter_update_with_evidence_and_the_committee_sees_the_heat_map_change()
    {
        // Q2 is the current quarter and agency 3 has recorded nothing in it.
        var committee = await SignInAsync("/dashboard", "committee", landsOn: "/dashboard");
        var cell = committee.Locator($"tr[data-office='{_agencies[2]}'] td[data-indicator='1.1.1']");
        Assert.That(await cell.GetAttributeAsync("data-status"), Is.EqualTo("Pending"));

        var page = await SignInAsync("/workspace", "a3.fp", "/workspace");
        var row = page.Locator("tr[data-indicator='1.1.1']");
        Assert.That(await row.GetAttributeAsync("data-status"), Is.EqualTo("Pending"));
        await row.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Record") }).ClickAsync();
        await page.ArrivesAtAsync(new Regex("/workspace/charter-updates/new"));

        // A date outside the quarter first: the error appears beside the field and the typed reference stays.
        await page.GetByLabel("Date of the update").FillAsync("2024-09-30");
        await page.GetByLabel("Portal reference").FillAsync("NIS-2024-1019");
        var evidence = Path.Combine(Path.GetTempPath(), $"charter-{Guid.NewGuid():N}.pdf");
        await File.WriteAllTextAsync(evidence, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        await page.GetByLabel("Evidence file").SetInputFilesAsync(evidence);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await page.Locator("[data-field='updatedOn'] .field-error").InnerTextAsync(), Does.Contain("is outside 2024-25 Q2"));
            Assert.That(await page.GetByLabel("Portal reference").InputValueAsync(), Is.EqualTo("NIS-2024-1019"));
            Assert.That(await page.Locator("ul.attached").InnerTextAsync(), Does.Contain(Path.GetFileName(evidence)), "the file stays attached");
        });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screens, "charter-update-error-en.png"), FullPage = true });

        // Corrected: saved, back on the checklist, the item is Done.
        await page.GetByLabel("Date of the update").FillAsync("2024-10-19");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.ArrivesAtAsync(new Regex("saved=charter-update"));
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await page.Locator("[role='status']").InnerTextAsync(), Does.Contain("Saved: charter update"));
            Assert.That(await row.GetAttributeAsync("data-status"), Is.EqualTo("Done"));
        });

        // The committee's heat map changes; the CSV says so too.
        await committee.ReloadAsync();
        Assert.That(await cell.GetAttributeAsync("data-status"), Is.EqualTo("Done"));
        var download = await committee.RunAndWaitForDownloadAsync(() => committee.Locator("section[data-table='heat-map']").GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.That(csv.Split("\r\n").Single(line => line.StartsWith("MIN-A3,", StringComparison.Ordinal)), Does.StartWith("MIN-A3,Office MIN-A3,").And.Contain(",Done"));
        await committee.Locator("section[data-table='heat-map']").GetByRole(AriaRole.Link, new() { Name = "Office MIN-A3" }).ClickAsync();
        await committee.ArrivesAtAsync(new Regex($"officeId={_agencies[2]}&"));
        Assert.That(await committee.Locator("nav.breadcrumb li").AllInnerTextsAsync(), Is.EqualTo(new[] { "Office MIN", "Office MIN-A3" }));

        // The focal point cannot open another agency's pages.
        var refused = await page.GotoAsync($"/workspace?officeId={_otherAgency}");
        Assert.That(refused!.Status, Is.EqualTo(403));
        Assert.That(await page.Locator("[role='alert']").InnerTextAsync(), Is.EqualTo("You are not allowed to see this page."));
        refused = await page.GotoAsync($"/workspace/charter-updates/new?officeId={_otherAgency}&fiscalYear=2024-25&quarter=2");
        Assert.That(refused!.Status, Is.EqualTo(403));
        await page.Context.CloseAsync();
        await committee.Context.CloseAsync();
        File.Delete(evidence);
    }
}
