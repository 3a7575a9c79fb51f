using System.Net;
using System.Text.RegularExpressions;
using CharterTracker.Access;
using CharterTracker.Tests.Charters;
using CharterTracker.Tests.Support;
using Microsoft.Playwright;

namespace CharterTracker.Tests.Web;

/// <summary>
/// The charter pages in a real browser (Debian's Chromium, headless, scripts off: the pages have none): a focal point
/// drafts a new version from the latest (changing a fee, adding a service), publishes it, and the monitoring committee
/// reads the changes across its subtree. Screenshots, desktop and phone, go to /tmp/ct-screens/charter-*.png.
/// </summary>
[Category("Chromium")]
[NonParallelizable]
public sealed class CharterBrowserTests
{
    private TestApp _app = null!;
    private Browser _browser = null!;
    private long _ministry;
    private long _agency;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync();
        (_ministry, var agencies) = await new Given(_app).MinistryWithAsync(1);
        _agency = agencies[0];
        await _app.UserAsync("a1.fp", Role.FocalPoint, _agency);
        await _app.UserAsync("committee", Role.MonitoringCommittee, _ministry);
        var fp = await _app.SignInAsync("a1.fp");
        await fp.PostJsonAsync($"/api/v1/offices/{_agency}/charter/versions", CharterSamples.Version("2024-07-20"), HttpStatusCode.Created);
        _browser = await Browser.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Test]
    public async Task A_focal_point_publishes_a_new_version_and_the_committee_reads_what_changed()
    {
        var page = await _browser.SignInAsync(_app, "a1.fp", "/charter", "/charter/offices/" + _agency, scripts: false);
        await page.ScreenshotAsync(new() { Path = $"{Browser.Screens}/charter-current.png", FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = "Draft a new version" }).ClickAsync();
        await page.ArrivesAtAsync(new Regex("/draft$"));

        await page.Locator("#field-services-0--fee").FillAsync("১,১০০ টাকা (ই-পেমেন্ট)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a service" }).ClickAsync();
        var third = page.GetByRole(AriaRole.Group, new() { Name = "Service 3", Exact = true });
        await third.Locator("#field-services-2--nameBn").FillAsync("ভূমি উন্নয়ন কর আদায়");
        await third.Locator("#field-services-2--method").FillAsync("অনলাইনে (ldtax.gov.bd)");
        await third.Locator("#field-services-2--documents").FillAsync("খতিয়ান");
        await third.Locator("#field-services-2--fee").FillAsync("হার অনুযায়ী");
        await third.Locator("#field-services-2--timeLimit").FillAsync("তাৎক্ষণিক");
        await third.Locator("#field-services-2--officer-name").FillAsync("মোঃ আব্দুল করিম");
        await third.Locator("#field-services-2--officer-designation").FillAsync("সহকারী কমিশনার (ভূমি)");
        await page.SetViewportSizeAsync(1280, 900);
        await page.ScreenshotAsync(new() { Path = $"{Browser.Screens}/charter-draft.png", FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the draft" }).First.ClickAsync();
        await page.ArrivesAtAsync(new Regex("/draft\\?saved=draft$"));
        Assert.That(await page.Locator("#field-services-2--nameBn").InputValueAsync(), Is.EqualTo("ভূমি উন্নয়ন কর আদায়"));

        await page.GetByLabel("Publication date").FillAsync("2024-08-15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await page.ArrivesAtAsync(new Regex("/changes\\?to=2$"));
        var changed = page.Locator("table.charter-changes tr[data-field='fee']");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await changed.Locator("del").InnerTextAsync(), Is.EqualTo("১,১৫০ টাকা (ই-পেমেন্ট)"));
            Assert.That(await changed.Locator("ins").InnerTextAsync(), Is.EqualTo("১,১০০ টাকা (ই-পেমেন্ট)"));
            Assert.That(await page.Locator("ul.charter-added li").InnerTextAsync(), Does.Contain("ভূমি উন্নয়ন কর আদায়"));
        });
        await page.ScreenshotAsync(new() { Path = $"{Browser.Screens}/charter-changes.png", FullPage = true });

        var committee = await _browser.SignInAsync(_app, "committee", $"/charter/changes?officeId={_ministry}&fiscalYear=2024-25&quarter=1", "/charter/changes", scripts: false);
        var row = committee.Locator("table.subtree-charter-changes tbody tr");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await row.CountAsync(), Is.EqualTo(2), "both versions were published in Q1");
            Assert.That(await row.First.Locator("td[data-label='Added']").InnerTextAsync(), Is.EqualTo("1"));
            Assert.That(await row.First.Locator("td[data-label='Changed']").InnerTextAsync(), Is.EqualTo("1"));
        });
        await committee.ScreenshotAsync(new() { Path = $"{Browser.Screens}/charter-subtree.png", FullPage = true });
        await row.First.GetByRole(AriaRole.Link, new() { Name = "What changed" }).ClickAsync();
        await committee.ArrivesAtAsync(new Regex("/changes\\?to=2$"));
        Assert.That(await committee.Locator("table.charter-changes tr[data-field='fee'] ins").InnerTextAsync(), Is.EqualTo("১,১০০ টাকা (ই-পেমেন্ট)"));

        // The same pages on a phone.
        var phone = await _browser.SignInAsync(_app, "a1.fp", $"/charter/offices/{_agency}", $"/charter/offices/{_agency}", width: 390, scripts: false);
        await phone.ScreenshotAsync(new() { Path = $"{Browser.Screens}/charter-current-phone.png", FullPage = true });
        await phone.GotoAsync($"/charter/offices/{_agency}/draft");
        await phone.ScreenshotAsync(new() { Path = $"{Browser.Screens}/charter-draft-phone.png", FullPage = true });
        await phone.GotoAsync($"/charter/offices/{_agency}/changes?lang=bn");
        await phone.ScreenshotAsync(new() { Path = $"{Browser.Screens}/charter-changes-phone-bn.png", FullPage = true });
    }
}
