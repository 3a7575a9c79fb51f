using System.Text.RegularExpressions;
using CharterTracker.Access;
using CharterTracker.Tests.Support;
using Microsoft.Playwright;

namespace CharterTracker.Tests.Kaizen;

/// <summary>
/// The focal point registers a case in a real browser (Chromium): a second measure added in place by the page's
/// script, Bengali digits typed, the case saved and shown in the register with its improvement; a wrong value comes
/// back beside its field. Screenshots (desktop and phone) go to /tmp/ct-screens/.
/// </summary>
[Category("Chromium")]
[NonParallelizable]
public sealed class KaizenBrowserTests
{
    private TestApp _app = null!;
    private Browser _browser = null!;
    private long _office;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(TestClock.At(2024, 11, 20));
        _office = await new Given(_app).OfficeAsync("UPZ-1", kind: CharterTracker.Offices.OfficeKind.UpazilaOffice);
        await _app.UserAsync("upz.fp", Role.FocalPoint, _office, language: "en");
        _browser = await Browser.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        await _app.DisposeAsync();
    }

    [TestCase(1280)]
    [TestCase(390)]
    public async Task The_focal_point_registers_a_case_with_two_measures_and_sees_the_improvement(int width)
    {
        var page = await _browser.SignInAsync(_app, "upz.fp", "/workspace", "/workspace", width);
        await page.GotoAsync($"/workspace/kaizen?officeId={_office}&fiscalYear=2024-25&lang=en");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a Kaizen case" }).ClickAsync();
        await page.ArrivesAtAsync(new Regex("/workspace/kaizen/new"));

        await page.GetByLabel("Title").FillAsync($"Certificate in 2 visits ({width})");
        await page.GetByLabel("Problem").FillAsync("Seven visits for one certificate.");
        await page.GetByLabel("Root cause").FillAsync("Three desks, one after another.");
        await page.GetByLabel("The change (Kaizen)").FillAsync("One desk checks and issues.");
        await page.GetByLabel("Status").SelectOptionAsync("Implemented");
        await page.GetByLabel("Implemented on").FillAsync("2024-10-15");
        await page.Locator("#field-measures-0--name").FillAsync("Visits");
        await page.Locator("#field-measures-0--unit").FillAsync("visits");
        await page.Locator("#field-measures-0--before").FillAsync("৭");
        await page.Locator("#field-measures-0--after").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a measure" }).ClickAsync();
        await page.Locator("#field-measures-1--name").FillAsync("Days");
        await page.Locator("#field-measures-1--unit").FillAsync("days");
        await page.Locator("#field-measures-1--before").FillAsync("15");
        await page.Locator("#field-measures-1--after").FillAsync("three");
        await page.Locator("#field-team-0--name").FillAsync("Nasrin Akter");
        await page.Locator("#field-team-0--designation").FillAsync("Upazila officer");
        await page.GetByLabel("The evidence is held on paper").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        var error = page.Locator("[data-field='measures[1].after'] .field-error");
        await Assertions.Expect(error).ToContainTextAsync("number");
        await page.Locator("#field-measures-1--after").FillAsync("৩");
        await page.ScreenshotAsync(new() { Path = $"{Browser.Screens}/kaizen-form-{width}.png", FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await page.ArrivesAtAsync(new Regex("/workspace/kaizen\\?.*saved=kaizen"));
        var card = page.Locator("li.kaizen-case", new() { HasText = $"Certificate in 2 visits ({width})" });
        await Assertions.Expect(card).ToContainTextAsync("Implemented");
        await Assertions.Expect(card).ToContainTextAsync("5 fewer (71.4 %)");
        await Assertions.Expect(card).ToContainTextAsync("12 fewer (80 %)");
        await page.ScreenshotAsync(new() { Path = $"{Browser.Screens}/kaizen-register-{width}.png", FullPage = true });
    }
}
