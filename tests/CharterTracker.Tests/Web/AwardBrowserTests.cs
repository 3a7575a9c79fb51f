using System.Net;
using System.Text.RegularExpressions;
using CharterTracker.Access;
using CharterTracker.Tests.Support;
using Microsoft.Playwright;

namespace CharterTracker.Tests.Web;

/// <summary>
/// The award pages in a real browser (Debian's Chromium, headless): a judge fills their scoring sheet in Bengali
/// digits and sees it saved, their own office's nomination marked as not theirs to score; the committee's cycle page
/// while sealed and with its results. Screenshots at 1280 and 390 pixels go to /tmp/ct-screens/awards-*.png.
/// </summary>
[Category("Chromium")]
[NonParallelizable]
public sealed class AwardBrowserTests
{
    private TestApp _app = null!;
    private Browser _browser = null!;
    private readonly Dictionary<string, long> _offices = [];
    private readonly Dictionary<string, long> _nominations = [];
    private long _cycle;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(TestClock.At(2024, 8, 15));
        await AwardTree.BuildAsync(_app, _offices);
        await _app.UserAsync("committee", Role.MonitoringCommittee, _offices["M"], language: "en");
        await _app.UserAsync("a1.fp", Role.FocalPoint, _offices["A1"]);
        await _app.UserAsync("a2.fp", Role.FocalPoint, _offices["A2"], language: "bn");
        var judges = new[] { await _app.UserAsync("judge", Role.Viewer, _offices["A1"], language: "bn"), await _app.UserAsync("outside", Role.Viewer, _offices["M2"]) };

        var committee = await _app.SignInAsync("committee");
        _cycle = (await committee.PostJsonAsync("/api/v1/award-cycles", new
        {
            name = "সেবার মান পুরস্কার ২০২৪-২৫", fiscalYear = "2024-25", officeId = _offices["M"], nominationsCloseOn = "2024-08-20", judgingClosesOn = "2024-08-31",
            categories = new[] { new { code = "PROCESS", nameBn = "প্রক্রিয়াভিত্তিক পুরস্কার", nameEn = "Per-process award" } },
            criteria = new[]
            {
                new { code = "Q", nameBn = "সেবার মান", nameEn = "Quality of service", weight = 50 }, new { code = "S", nameBn = "সময় ও ধাপ হ্রাস", nameEn = "Time and steps saved", weight = 30 },
                new { code = "I", nameBn = "উদ্ভাবন", nameEn = "Innovation", weight = 20 },
            },
        }, HttpStatusCode.Created)).Id();
        foreach (var judge in judges) await committee.PostJsonAsync($"/api/v1/award-cycles/{_cycle}/judges", new { userId = judge }, HttpStatusCode.Created);
        foreach (var (key, focalPoint, title) in new[] { ("A1", "a1.fp", "ওয়ারিশ সনদ এক দিনে"), ("A2", "a2.fp", "পেনশন নথি ৩ ধাপে") })
        {
            _nominations[key] = (await (await _app.SignInAsync(focalPoint)).PostJsonAsync($"/api/v1/award-cycles/{_cycle}/nominations",
                new { officeId = _offices[key], categoryCode = "PROCESS", title, summary = "৭ বার আসার বদলে ২ বার; ৫ ধাপ থেকে ৩ ধাপ।", hasEvidence = true }, HttpStatusCode.Created)).Id();
        }
        _browser = await Browser.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        await _app.DisposeAsync();
    }

    private static string Shot(string name) => Path.Combine(Browser.Screens, $"awards-{name}.png");

    [Test, Order(1)]
    public async Task A_focal_point_s_nomination_form_fits_a_phone()
    {
        var page = await _browser.SignInAsync(_app, "a2.fp", $"/awards/{_cycle}/nominations/new", $"/awards/{_cycle}/nominations/new", width: 390);
        Assert.That(await page.GetByLabel("সেবার নাম").IsVisibleAsync(), Is.True);
        Assert.That(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), Is.True, "no sideways scrolling on a phone");
        await page.ScreenshotAsync(new() { Path = Shot("nominate-bn-390"), FullPage = true });
    }

    [Test, Order(2)]
    public async Task A_judge_scores_a_row_in_Bengali_digits_sees_it_saved_and_their_own_office_s_nomination_marked()
    {
        _app.Clock.SetDhakaDate(2024, 8, 21);
        var sheetUrl = $"/awards/{_cycle}/sheet";
        var page = await _browser.SignInAsync(_app, "judge", sheetUrl, sheetUrl);
        var own = page.Locator($"tr#nomination-{_nominations["A1"]}");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await own.GetAttributeAsync("data-conflict"), Is.EqualTo("true"));
            Assert.That(await own.InnerTextAsync(), Does.Contain("নম্বরযোগ্য নয়").And.Contain("আপনার নিজের দপ্তর"));
            Assert.That(await own.Locator("input").CountAsync(), Is.Zero, "nothing to type in a conflicting row");
        });

        var row = page.Locator($"tr#nomination-{_nominations["A2"]}");
        await row.GetByLabel("সেবার মান — পেনশন নথি ৩ ধাপে").FillAsync("৮");
        await row.GetByLabel("সময় ও ধাপ হ্রাস — পেনশন নথি ৩ ধাপে").FillAsync("৭.৫");
        await row.GetByLabel("উদ্ভাবন — পেনশন নথি ৩ ধাপে").FillAsync("৯");
        await page.ScreenshotAsync(new() { Path = Shot("sheet-typed-bn-1280"), FullPage = true });
        await row.GetByRole(AriaRole.Button, new() { Name = "নম্বর সংরক্ষণ: পেনশন নথি ৩ ধাপে" }).ClickAsync();
        await page.ArrivesAtAsync(new Regex("saved=scores"));

        var saved = page.Locator($"tr#nomination-{_nominations["A2"]}");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await page.Locator("p.flash").InnerTextAsync(), Does.Contain("সংরক্ষিত হয়েছে: নম্বর"));
            Assert.That(await saved.Locator("input[name='score.Q']").InputValueAsync(), Is.EqualTo("৮"));
            Assert.That(await saved.Locator("input[name='score.S']").InputValueAsync(), Is.EqualTo("৭.৫"));
            Assert.That(await saved.Locator("[data-sheet]").GetAttributeAsync("data-sheet"), Is.EqualTo("complete"));
            Assert.That(Sql.Query<(string, long)>(_app, "SELECT CriterionCode, ScoreTenths FROM AwardScores WHERE NominationId = @id ORDER BY CriterionCode", new { id = _nominations["A2"] }),
                Is.EqualTo(new[] { ("I", 90L), ("Q", 80L), ("S", 75L) }));
        });
        await page.ScreenshotAsync(new() { Path = Shot("sheet-saved-bn-1280"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Shot("sheet-saved-bn-390"), FullPage = true });
    }

    [Test, Order(3)]
    public async Task The_committee_sees_progress_under_seal_then_the_ranked_results_with_certificates()
    {
        var url = $"/awards/{_cycle}?lang=en";
        var page = await _browser.SignInAsync(_app, "committee", url, $"/awards/{_cycle}");
        Assert.That(await page.Locator("p.sealed").InnerTextAsync(), Does.Contain("sealed"));
        await page.ScreenshotAsync(new() { Path = Shot("cycle-judging-en-1280"), FullPage = true });

        var outside = await _app.SignInAsync("outside");
        await outside.PutJsonAsync($"/api/v1/nominations/{_nominations["A1"]}/scores",
            new { scores = new[] { new { criterionCode = "Q", score = 9m }, new { criterionCode = "S", score = 9m }, new { criterionCode = "I", score = 9m } } }, HttpStatusCode.OK);
        _app.Clock.SetDhakaDate(2024, 9, 1);
        page = await _browser.SignInAsync(_app, "committee", url, $"/awards/{_cycle}");
        var first = page.Locator("table.results tr[data-rank='1']");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await first.InnerTextAsync(), Does.Contain("ওয়ারিশ সনদ এক দিনে").And.Contain("90.00"));
            Assert.That(await first.GetByRole(AriaRole.Link, new() { Name = "Certificate (ไทย): ওয়ারিশ সনদ এক দিনে" }).GetAttributeAsync("href"),
                Is.EqualTo($"/api/v1/nominations/{_nominations["A1"]}/certificate.pdf?lang=th"));
        });
        await page.ScreenshotAsync(new() { Path = Shot("cycle-results-en-1280"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Shot("cycle-results-en-390"), FullPage = true });
        await page.GotoAsync("/awards/new");
        await page.ScreenshotAsync(new() { Path = Shot("new-cycle-en-390"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 900);
        await page.ScreenshotAsync(new() { Path = Shot("new-cycle-en-1280"), FullPage = true });
        await page.GotoAsync("/awards");
        await page.ScreenshotAsync(new() { Path = Shot("list-en-1280"), FullPage = true });
    }
}
