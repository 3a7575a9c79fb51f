using System.Net;
using System.Text.RegularExpressions;
using CharterTracker.Access;
using CharterTracker.Tests.Support;
using Microsoft.Playwright;

namespace CharterTracker.Tests.QualitySystems;

/// <summary>
/// A focal point records a quarter's quality value in a real browser (Debian's Chromium, headless) and sees its score;
/// the committee opens the subtree's view. Screenshots (desktop and phone, English and Bengali) go to /tmp/ct-screens/.
/// </summary>
[Category("Chromium")]
[NonParallelizable]
public sealed class QualitySystemsBrowserTests
{
    private const string Screens = Browser.Screens;
    private TestApp _app = null!;
    private Browser _browser = null!;
    private long _ministry;
    private long _agency;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(TestClock.At(2024, 10, 10));
        long[] agencies;
        (_ministry, agencies) = await new Given(_app).MinistryWithAsync(1);
        _agency = agencies[0];
        await _app.UserAsync("agency.fp", Role.FocalPoint, _agency);
        await _app.UserAsync("committee", Role.MonitoringCommittee, _ministry, language: "bn");
        var admin = await _app.AsAdminAsync();
        var iso = (await admin.PostJsonAsync($"/api/v1/offices/{_agency}/quality-systems", QualitySamples.Adoption(), HttpStatusCode.Created)).Id();
        await admin.PostJsonAsync($"/api/v1/offices/{_agency}/quality-indicators", QualitySamples.Indicator(iso), HttpStatusCode.Created);
        await admin.PostJsonAsync($"/api/v1/offices/{_agency}/quality-indicators",
            QualitySamples.Indicator(iso, "ISO-2", "Number", "Sum", 1, 4).With("nameEn", "Internal audits held").With("nameBn", "অভ্যন্তরীণ নিরীক্ষা"), HttpStatusCode.Created);
        await admin.PostJsonAsync($"/api/v1/offices/{_agency}/quality-systems", QualitySamples.Adoption("PSO-04", "2024-08-01"), HttpStatusCode.Created);
        _browser = await Browser.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Test]
    public async Task A_focal_point_records_a_quarter_value_in_Bengali_digits_and_sees_its_score()
    {
        var page = await _browser.SignInAsync(_app, "agency.fp", "/quality-systems", "/quality-systems");
        await page.GotoAsync($"/quality-systems?officeId={_agency}&fiscalYear=2024-25&quarter=1&lang=en");
        await page.ScreenshotAsync(new() { Path = $"{Screens}/quality-office-before.png", FullPage = true });
        await page.Locator("tr[data-indicator='ISO-1']").GetByRole(AriaRole.Link, new() { Name = "Record" }).ClickAsync();
        await page.ArrivesAtAsync(new Regex("/quality-systems/indicators/\\d+/value"));

        await page.GetByLabel("Value").FillAsync("৮১");
        await page.GetByLabel("Note").FillAsync("From the complaints register");
        await page.Locator("#field-hasEvidence").CheckAsync();
        await page.ScreenshotAsync(new() { Path = $"{Screens}/quality-value-form.png", FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.ArrivesAtAsync(new Regex("/quality-systems\\?.*saved=quality-value"));

        var row = page.Locator("section[data-system='ISO9001'] tr[data-indicator='ISO-1']");
        await Assert.MultipleAsync(async () =>
        {
            // 81 of the 90 % target: 0.9 of the weight 2; the quarter's other indicator is still pending and Q1 is not yet
            // due, so (as the plan's running quarter) it is scored on what is recorded so far: 1.8 / 2 = 90.
            Assert.That(await row.Locator("td.score").InnerTextAsync(), Is.EqualTo("1.80 / 2.00"));
            Assert.That(await row.InnerTextAsync(), Does.Contain("81").And.Contain("Done"));
            Assert.That(await page.Locator("section[data-system='ISO9001'] .quality-score").InnerTextAsync(), Does.Contain("90.00"));
            Assert.That(await row.GetByRole(AriaRole.Link, new() { Name = "Correct" }).CountAsync(), Is.EqualTo(1));
        });
        await page.ScreenshotAsync(new() { Path = $"{Screens}/quality-office-after.png", FullPage = true });

        var phone = await _browser.SignInAsync(_app, "agency.fp", "/quality-systems", "/quality-systems", width: 390);
        await phone.GotoAsync($"/quality-systems?officeId={_agency}&fiscalYear=2024-25&quarter=1&lang=bn");
        await phone.ScreenshotAsync(new() { Path = $"{Screens}/quality-office-phone-bn.png", FullPage = true });
        await phone.GotoAsync($"/quality-systems/indicators/{await IndicatorIdAsync()}/value?officeId={_agency}&fiscalYear=2024-25&quarter=1&lang=bn");
        await phone.ScreenshotAsync(new() { Path = $"{Screens}/quality-value-form-phone-bn.png", FullPage = true });
    }

    [Test]
    public async Task The_committee_sees_each_system_over_its_subtree()
    {
        var page = await _browser.SignInAsync(_app, "committee", $"/quality-systems/rollup?officeId={_ministry}&fiscalYear=2024-25&quarter=1", "/quality-systems/rollup");
        await page.ScreenshotAsync(new() { Path = $"{Screens}/quality-rollup-bn.png", FullPage = true });
        await page.GotoAsync($"/quality-systems/rollup?officeId={_ministry}&fiscalYear=2024-25&quarter=1&lang=en");
        await page.ScreenshotAsync(new() { Path = $"{Screens}/quality-rollup-en.png", FullPage = true });

        Assert.That(await page.Locator("table.quality-rollup tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.system)"),
            Is.EqualTo(new[] { "ISO9001", "PSO-04" }));
        Assert.That(await page.Locator("table.quality-rollup tr[data-system='ISO9001'] td").First.InnerTextAsync(), Is.EqualTo("1"));
    }

    private async Task<long> IndicatorIdAsync()
    {
        var admin = await _app.AsAdminAsync();
        var systems = await admin.GetJsonAsync($"/api/v1/offices/{_agency}/quality-systems");
        return systems[0].GetProperty("indicators")[0].Id();
    }
}
