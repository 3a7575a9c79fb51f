using System.Text.RegularExpressions;
using CharterTracker.Access;
using CharterTracker.Tests.Support;
using Microsoft.Playwright;

namespace CharterTracker.Tests.Web;

/// <summary>
/// The Content-Security-Policy in a real browser (Debian's Chromium): the pages' script, stylesheet and charts, the
/// document preview and Swagger UI work under it, and Chromium reports no violation.
/// </summary>
[Category("Chromium")]
[NonParallelizable]
public sealed class ContentSecurityPolicyBrowserTests
{
    private TestApp _app = null!;
    private Browser _browser = null!;
    private long _ministry;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(TestClock.At(2024, 9, 25));
        (_ministry, _) = await new Given(_app).MinistryWithAsync(1);
        await _app.UserAsync("csp.fp", Role.FocalPoint, _ministry, language: "en");
        _browser = await Browser.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Test]
    public async Task The_pages_script_stylesheet_charts_and_swagger_run_under_the_policy_without_a_violation()
    {
        var page = await _browser.SignInAsync(_app, "csp.fp", "/workspace", "/workspace");
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(message.Text);
        };

        await page.GotoAsync($"/workspace/meetings/new?officeId={_ministry}&fiscalYear=2024-25&quarter=1&lang=en");
        var url = page.Url;
        await page.GetByRole(AriaRole.Button, new() { Name = "Add another attendee" }).ClickAsync();
        var scriptAddedRow = await page.Locator("#field-attendees-2--name").CountAsync() == 1 && page.Url == url;
        var styled = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('header.top')).display");

        await page.GotoAsync($"/dashboard?officeId={_ministry}&fiscalYear=2024-25&quarter=1&lang=en");
        var charts = await page.Locator("svg").CountAsync();

        await page.GotoAsync("/swagger/index.html");
        await Assertions.Expect(page.Locator(".swagger-ui .info .title")).ToContainTextAsync(new Regex("CharterTracker API"), new() { Timeout = 30_000 });

        Assert.Multiple(() =>
        {
            Assert.That(scriptAddedRow, Is.True, "the row-adding script ran (no round trip)");
            Assert.That(styled, Is.EqualTo("flex"), "the stylesheet loaded");
            Assert.That(charts, Is.GreaterThan(0), "the dashboard's charts are there");
            Assert.That(violations, Is.Empty, "Chromium reported no Content-Security-Policy violation");
        });
    }
}
