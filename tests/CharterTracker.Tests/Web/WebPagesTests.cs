using System.Net;
using System.Text.RegularExpressions;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Web;

/// <summary>The server-rendered dashboard and workspace, read over HTTP with the cookie of the sign-in form.</summary>
public sealed partial class WebPagesTests
{
    private TestApp _app = null!;
    private long _ministry;
    private long[] _agencies = [];
    private long _otherAgency;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(TestClock.At(2024, 9, 25));
        var given = new Given(_app);
        (_ministry, _agencies) = await given.MinistryWithAsync(3);
        (_, var others) = await given.MinistryWithAsync(1, "OTH");
        _otherAgency = others[0];
        await _app.UserAsync("committee", Role.MonitoringCommittee, _ministry, language: "en");
        await _app.UserAsync("a1.fp", Role.FocalPoint, _agencies[0], language: "bn");
        await _app.UserAsync("a2.fp", Role.FocalPoint, _agencies[1], language: "bn");
        await _app.UserAsync("a3.fp", Role.FocalPoint, _agencies[2], language: "en");
        await _app.UserAsync("oth.fp", Role.FocalPoint, _otherAgency, language: "en");
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private static string Q1(string page, long office) => $"/{page}?officeId={office}&fiscalYear=2024-25&quarter=1";

    private static string? RowStatus(string html, string indicator) =>
        Regex.Match(html, $"<tr data-indicator=\"{Regex.Escape(indicator)}\" data-status=\"(\\w+)\"") is { Success: true } m ? m.Groups[1].Value : null;

    [Test]
    public async Task The_home_page_sends_a_focal_point_to_the_workspace_and_the_committee_to_the_dashboard()
    {
        var focalPoint = await _app.SignInOnFormAsync("a3.fp");
        var committee = await _app.SignInOnFormAsync("committee");

        var fromFocalPoint = await focalPoint.GetAsync("/");
        var fromCommittee = await committee.GetAsync("/");

        Assert.Multiple(() =>
        {
            Assert.That((fromFocalPoint.StatusCode, fromFocalPoint.Headers.Location?.OriginalString), Is.EqualTo((HttpStatusCode.Redirect, "/workspace")));
            Assert.That((fromCommittee.StatusCode, fromCommittee.Headers.Location?.OriginalString), Is.EqualTo((HttpStatusCode.Redirect, "/dashboard")));
        });
    }

    [Test]
    public async Task A_page_without_the_cookie_sends_the_browser_to_the_login_form()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _app.BaseAddress };

        var response = await anonymous.GetAsync("/dashboard");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(response.Headers.Location!.AbsolutePath, Is.EqualTo("/login"));
        });
    }

    [Test]
    public async Task The_workspace_in_Bengali_shows_the_current_quarters_checklist_with_Bengali_digits()
    {
        var focalPoint = await _app.SignInOnFormAsync("a3.fp");

        // a3.fp's stored language is English; ?lang=bn switches.
        var html = await focalPoint.PageAsync("/workspace?lang=bn");

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<html lang=\"bn\">"));
            Assert.That(html, Does.Contain("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
            Assert.That(html, Does.Contain("এই ত্রৈমাসিকের করণীয়"));
            Assert.That(html, Does.Contain("২০২৪-২৫ · ১ম ত্রৈমাসিক"), "the current fiscal year and quarter, in Bengali digits");
            Assert.That(html, Does.Contain("<span>১.১.১</span>"));
            Assert.That(html, Does.Contain("১৫ অক্টোবর ২০২৪"), "Q1 items are due 15 days after 30 September");
            Assert.That(html, Does.Contain("অপেক্ষমাণ"));
            Assert.That(html, Does.Contain("দপ্তর MIN-A3"));
            Assert.That(html, Does.Not.Contain("15 October 2024"));
            Assert.That(html, Does.Match("<form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"[^\"]+\" /><button type=\"submit\">প্রস্থান</button></form>"));
        });
    }

    [Test]
    public async Task The_language_switch_gives_English_labels_and_is_remembered_in_the_cookie_and_for_the_user()
    {
        await _app.UserAsync("switcher.fp", Role.FocalPoint, _agencies[0], language: "bn");
        var focalPoint = await _app.SignInOnFormAsync("switcher.fp");

        var before = await focalPoint.PageAsync("/workspace");
        var switched = await focalPoint.GetAsync("/workspace?lang=en");
        var later = await focalPoint.PageAsync(Q1("workspace", _agencies[0]));

        Assert.Multiple(() =>
        {
            Assert.That(before, Does.Contain("<html lang=\"bn\">"), "the user's stored language by default");
            Assert.That(before, Does.Contain("href=\"/workspace?lang=en\""), "the switch link keeps the page");
            Assert.That(switched.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ct-lang=", StringComparison.Ordinal)), Does.StartWith("ct-lang=en;"));
            Assert.That(later, Does.Contain("<html lang=\"en\">"), "the cookie is remembered without ?lang");
            Assert.That(later, Does.Contain("Checklist for this quarter"));
            Assert.That(later, Does.Contain("Due on"));
            Assert.That(later, Does.Contain("15 October 2024"));
            Assert.That(later, Does.Contain("Signed in as <strong>switcher.fp</strong>"));
            Assert.That(later, Does.Contain(">বাংলা</a>"), "the switch back is offered");
        });

        // Another browser, without the cookie: the choice was stored for the user.
        var elsewhere = await _app.SignInOnFormAsync("switcher.fp");
        Assert.That(await elsewhere.PageAsync("/workspace"), Does.Contain("<html lang=\"en\">"));
        Assert.That(Sql.Query<string>(_app, "SELECT Language FROM Users WHERE Username = 'switcher.fp'"), Is.EqualTo(new[] { "en" }));
    }

    [Test]
    public async Task The_checklist_item_turns_Done_after_a_charter_update_is_recorded_through_the_api()
    {
        var page = await _app.SignInOnFormAsync("a2.fp");
        var before = await page.PageAsync(Q1("workspace", _agencies[1]));

        var api = await _app.SignInAsync("a2.fp");
        await api.PostJsonAsync($"/api/v1/offices/{_agencies[1]}/charter-updates", Samples.CharterUpdate(updatedOn: "2024-09-20"), HttpStatusCode.Created);
        var after = await page.PageAsync(Q1("workspace", _agencies[1]));

        Assert.Multiple(() =>
        {
            Assert.That(RowStatus(before, "1.1.1"), Is.EqualTo("Pending"));
            Assert.That(before, Does.Contain("আরও ১টি সেবা প্রদান প্রতিশ্রুতি হালনাগাদ লিপিবদ্ধ করতে হবে।"), "what is missing, in Bengali");
            Assert.That(RowStatus(after, "1.1.1"), Is.EqualTo("Done"));
            Assert.That(after, Does.Contain("<span class=\"status status-done\"><span aria-hidden=\"true\">✓</span> সম্পন্ন</span>"), "status is told in words, not colour alone");
            Assert.That(after, Does.Contain("লিপিবদ্ধের তারিখ: ২৫ সেপ্টেম্বর ২০২৪"));
        });
    }

    [Test]
    public async Task The_administrator_without_an_office_gets_the_first_top_level_offices_dashboard()
    {
        var admin = await _app.SignInOnFormAsync("admin", TestApp.AdminPassword);

        var home = await admin.GetAsync("/");
        var html = await admin.PageAsync("/dashboard?lang=en");

        Assert.Multiple(() =>
        {
            Assert.That(home.Headers.Location?.OriginalString, Is.EqualTo("/dashboard"));
            Assert.That(html, Does.Contain("<h1>Dashboard: Office MIN</h1>"));
            Assert.That(html, Does.Contain("2024-25 · Q1"), "today's quarter by default");
        });
    }

    [Test]
    public async Task An_unknown_office_or_a_bad_quarter_shows_a_friendly_page_with_its_status_code()
    {
        var admin = await _app.SignInOnFormAsync("admin", TestApp.AdminPassword);

        var missing = await admin.PageAsync("/dashboard?officeId=987654&lang=en", HttpStatusCode.NotFound);
        var badQuarter = await admin.PageAsync($"/workspace?officeId={_ministry}&quarter=7&lang=en", HttpStatusCode.BadRequest);
        var badYear = await admin.PageAsync($"/dashboard?officeId={_ministry}&fiscalYear=2024-99&lang=en", HttpStatusCode.BadRequest);

        Assert.Multiple(() =>
        {
            Assert.That(missing, Does.Contain("The office or record asked for does not exist."));
            Assert.That(badQuarter, Does.Contain("The request is not valid"));
            Assert.That(badYear, Does.Contain("The request is not valid"));
        });
    }
}
