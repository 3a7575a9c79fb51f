using System.Net;
using System.Text.RegularExpressions;
using CharterTracker.Access;
using CharterTracker.Offices;
using CharterTracker.Tests.Support;
using CharterTracker.Tests.Web;

namespace CharterTracker.Tests.SpotChecks;

/// <summary>
/// At least two monitoring reports a fiscal year: "x of 2 so far" on the committee's dashboard during the year, flagged
/// once it has ended short. Also the committee's pages: a draw, a finding and the issue through the forms.
/// </summary>
public sealed class MonitoringReportsDueTests
{
    private TestApp _app = null!;
    private long _ministry;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(TestClock.At(2024, 9, 22));
        var given = new Given(_app);
        _ministry = await given.OfficeAsync("MIN", kind: OfficeKind.Ministry);
        var agency = await given.OfficeAsync("AGY", _ministry);
        await PublishedCharters.PublishAsync(_app, agency, 3, "2024-08-10");
        await _app.AsNewUserAsync("committee", Role.MonitoringCommittee, _ministry);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    [Test]
    public async Task A_year_with_one_report_shows_one_of_two_so_far_and_is_flagged_once_it_has_ended()
    {
        var browser = await _app.SignInOnFormAsync("committee");

        // Draw, record each finding and issue, all through the committee's pages.
        var list = await browser.GetStringAsync($"/spot-checks?officeId={_ministry}&fiscalYear=2024-25&lang=en");
        var drawn = await PostFormAsync(browser, $"/spot-checks?officeId={_ministry}&fiscalYear=2024-25", list,
            ("fiscalYear", "2024-25"), ("quarter", "1"), ("sampleSize", "2"));
        Assert.That(drawn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await drawn.Content.ReadAsStringAsync());
        var page = drawn.Headers.Location!.OriginalString;
        var detail = await browser.GetStringAsync(page);
        Assert.That(detail, Does.Contain("same services"), "the draw repeats from its seed");
        foreach (var item in Regex.Matches(detail, @"href=""(/spot-checks/\d+/items/\d+)""").Select(m => m.Groups[1].Value).Distinct().ToList())
        {
            var form = await browser.GetStringAsync(item);
            var saved = await PostFormAsync(browser, item, form, ("checkedOn", "2024-09-22"), ("withinTimeLimit", "yes"), ("feeAsPublished", "yes"), ("documentsAsPublished", "yes"));
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await saved.Content.ReadAsStringAsync());
        }
        detail = await browser.GetStringAsync(page);
        var issued = await PostFormAsync(browser, page + "/issue", detail,
            ("memoNumber", "০৫.০০.০০০০.১৯৭.১৬.০০১.২৪.১৫০"), ("issuedOn", "2024-09-22"), ("signatoryName", "মোঃ পারভেজ হাসান"), ("signatoryDesignation", "যুগ্মসচিব"));
        Assert.That(issued.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await issued.Content.ReadAsStringAsync());

        var during = await browser.GetStringAsync($"/dashboard?officeId={_ministry}&fiscalYear=2024-25&quarter=1&lang=en");
        _app.Clock.SetDhakaDate(2025, 7, 10);
        _app.ForgetSignIns();
        var admin = await _app.AsAdminAsync();
        var after = await admin.GetJsonAsync($"/api/v1/offices/{_ministry}/spot-checks/findings?fiscalYear=2024-25&quarter=1");
        var afterPage = await (await _app.SignInOnFormAsync("committee")).GetStringAsync($"/dashboard?officeId={_ministry}&fiscalYear=2024-25&quarter=1&lang=en");
        _app.Clock.SetDhakaDate(2024, 9, 22);
        _app.ForgetSignIns();

        Assert.Multiple(() =>
        {
            Assert.That(during, Does.Contain("Monitoring reports issued this fiscal year: 1 of 2 so far"));
            Assert.That(during, Does.Contain("Office AGY"), "the quarter's findings by office");
            Assert.That(after.GetProperty("reportsIssued").GetInt32(), Is.EqualTo(1));
            Assert.That(after.GetProperty("flagged").GetBoolean(), Is.True);
            Assert.That(afterPage, Does.Contain("The fiscal year has ended with 1 monitoring reports issued; at least 2 are due."));
        });
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string url, string page, params (string Name, string Value)[] fields)
    {
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        return await browser.PostAsync(url, content);
    }
}
