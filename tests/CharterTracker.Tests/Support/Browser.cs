using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CharterTracker.Tests.Support;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright (never a downloaded browser), and a user signed in on the sign-in
/// form as a person would. Without the background-networking flag Chromium keeps dialling out of this closed network.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string Screens = "/tmp/ct-screens";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Browser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<Browser> LaunchAsync()
    {
        Directory.CreateDirectory(Screens);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
        });
        return new Browser(playwright, browser);
    }

    /// <summary>A new browser context (its own cookies) on the app, <paramref name="width"/> pixels wide, with or without scripts.</summary>
    public async Task<IPage> NewPageAsync(TestApp app, int width = 1280, bool scripts = true)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString().TrimEnd('/'), ViewportSize = new ViewportSize { Width = width, Height = width < 600 ? 844 : 900 },
            JavaScriptEnabled = scripts,
        });
        // Generous: a CI machine running the whole suite on two cores can be slow to start a page.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Opens <paramref name="path"/>, is sent to the sign-in form, signs in and waits to land on <paramref name="landsOn"/>.</summary>
    public async Task<IPage> SignInAsync(TestApp app, string username, string path = "/", string landsOn = "/workspace", int width = 1280, bool scripts = true)
    {
        var page = await NewPageAsync(app, width, scripts);
        await page.GotoAsync(path);
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/login"), "a page without the cookie asks for a sign-in");
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Password").FillAsync("Password-" + username);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ArrivesAtAsync(new Regex($"^[^?]*{Regex.Escape(landsOn)}(\\?|$)"));
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}

public static class PageNavigation
{
    /// <summary>
    /// Waits until the page's address matches, polling it, instead of waiting for the new document's load event:
    /// under a loaded CI machine Playwright sometimes saw the address change but never the load event (then a
    /// WaitForURL timed out on a page that had arrived). What the test reads next waits for its elements anyway.
    /// </summary>
    public static Task ArrivesAtAsync(this IPage page, Regex url) =>
        Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = 30_000 });
}
