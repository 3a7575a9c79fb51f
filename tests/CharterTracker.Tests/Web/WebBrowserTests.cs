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
    private const string Screens = "/tmp/ct-screens";
    private TestApp _app = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private long _ministry;
    private long[] _agencies = [];

    [OneTimeSetUp]
    public async Task Start()
    {
        // Records made in Q1 of 2024-25, then the clock moved past Q1's due date (15 October) so that the heat map
        // shows every status: Done (recorded in time), Late (recorded after the due date), Missed and Not applicable.
        _app = await TestApp.StartAsync(TestClock.At(2024, 9, 20));
        (_ministry, _agencies) = await new Given(_app).MinistryWithAsync(3);
        await _app.UserAsync("committee", Role.MonitoringCommittee, _ministry, language: "en");
        await _app.UserAsync("a1.fp", Role.FocalPoint, _agencies[0], language: "bn");
        var a1 = await _app.SignInAsync("a1.fp");
        await a1.PostJsonAsync($"/api/v1/offices/{_agencies[0]}/charter-updates", Samples.CharterUpdate(updatedOn: "2024-09-18"), HttpStatusCode.Created);
        await a1.PostJsonAsync($"/api/v1/offices/{_agencies[0]}/reports", Samples.Report(submittedOn: "2024-09-19"), HttpStatusCode.Created);

        _app.Clock.SetDhakaDate(2024, 10, 17);
        _app.ForgetSignIns();
        var admin = await _app.AsAdminAsync();
        await admin.PostJsonAsync($"/api/v1/offices/{_agencies[1]}/charter-updates", Samples.CharterUpdate(updatedOn: "2024-09-29"), HttpStatusCode.Created);

        _app.Clock.SetDhakaDate(2024, 10, 20);
        _app.ForgetSignIns();

        Directory.CreateDirectory(Screens);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
        });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _app.DisposeAsync();
    }

    private async Task<IPage> SignInAsync(string path, string username, string landsOn)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _app.BaseAddress.ToString().TrimEnd('/'), ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/login"), "a page without the cookie asks for a sign-in");
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Password").FillAsync("Password-" + username);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == landsOn);
        return page;
    }

    [Test]
    public async Task A_focal_point_signs_in_on_the_form_and_sees_the_checklist_in_both_languages()
    {
        var page = await SignInAsync("/workspace", "a1.fp", "/workspace");
        Assert.That(await page.Locator("html").GetAttributeAsync("lang"), Is.EqualTo("bn"), "the focal point's stored language");

        // The current quarter (Q2) by default; the Q1 link is an ordinary link, reached from the keyboard.
        Assert.That(await page.Locator("p.muted").First.InnerTextAsync(), Does.Contain("২য় ত্রৈমাসিক"));
        await page.GetByRole(AriaRole.Link, new() { Name = "১ম ত্রৈমাসিক" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("quarter=1"));

        var row = page.Locator("tr[data-indicator='1.1.1']");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await row.GetAttributeAsync("data-status"), Is.EqualTo("Done"));
            Assert.That(await row.InnerTextAsync(), Does.Contain("সম্পন্ন").And.Contain("১৫ অক্টোবর ২০২৪"));
            Assert.That(await page.Locator("tr[data-indicator='2.1.2']").GetAttributeAsync("data-status"), Is.EqualTo("Pending"), "an annual item is due after the year");
        });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screens, "workspace-bn.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("lang=en"));
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
        await page.WaitForURLAsync(new Regex("quarter=1"));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await page.Locator("h1").InnerTextAsync(), Is.EqualTo("Dashboard: Office MIN"));
            Assert.That(await page.Locator($"tr[data-office='{_agencies[0]}'] td[data-indicator='1.1.1']").GetAttributeAsync("data-status"), Is.EqualTo("Done"));
            Assert.That(await page.Locator($"tr[data-office='{_agencies[1]}'] td[data-indicator='1.1.1']").InnerTextAsync(), Does.Contain("Late"));
            Assert.That(await page.Locator($"tr[data-office='{_agencies[2]}'] td[data-indicator='1.1.1']").InnerTextAsync(), Does.Contain("Missed"));
            Assert.That(await page.Locator("[data-figure='offices'] dd").InnerTextAsync(), Is.EqualTo("4"));
        });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screens, "dashboard-en.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "বাংলা" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("lang=bn"));
        Assert.That(await page.Locator("[data-figure='offices'] dd").InnerTextAsync(), Is.EqualTo("৪"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screens, "dashboard-bn.png"), FullPage = true });

        var phone = await page.Context.NewPageAsync();
        await phone.SetViewportSizeAsync(390, 844);
        await phone.GotoAsync(page.Url);
        await phone.ScreenshotAsync(new() { Path = Path.Combine(Screens, "dashboard-bn-phone.png"), FullPage = true });
        await phone.CloseAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "দপ্তর MIN-A2" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"officeId={_agencies[1]}&"));
        var crumbs = await page.Locator("nav.breadcrumb li").AllInnerTextsAsync();
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(crumbs, Is.EqualTo(new[] { "দপ্তর MIN", "দপ্তর MIN-A2" }));
            Assert.That(await page.Locator("table.heatmap").CountAsync(), Is.Zero, "an agency without subordinates has no heat map rows");
        });

        await page.GetByRole(AriaRole.Navigation, new() { Name = "অবস্থান" }).GetByRole(AriaRole.Link, new() { Name = "দপ্তর MIN", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"officeId={_ministry}&"));
        await page.Context.CloseAsync();
    }
}
