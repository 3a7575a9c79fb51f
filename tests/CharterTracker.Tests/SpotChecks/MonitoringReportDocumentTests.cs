using System.Net;
using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Offices;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.SpotChecks;

/// <summary>The committee's monitoring report PDF, printed by the real Chromium and read back with pdftotext.</summary>
[Category("Chromium")]
[NonParallelizable]
public sealed class MonitoringReportDocumentTests
{
    private TestApp _app = null!;
    private HttpClient _committee = null!;
    private long _check;
    private long _seed;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(TestClock.At(2024, 9, 22));
        var given = new Given(_app);
        var ministry = await given.OfficeAsync("MIN", kind: OfficeKind.Ministry);
        var a1 = await given.OfficeAsync("A1", ministry);
        var a2 = await given.OfficeAsync("A2", ministry);
        await PublishedCharters.PublishAsync(_app, a1, 4, "2024-08-10", "এ১ সেবা");
        await PublishedCharters.PublishAsync(_app, a2, 6, "2024-08-11", "এ২ সেবা");
        _committee = await _app.AsNewUserAsync("committee", Role.MonitoringCommittee, ministry);
        var check = await _committee.PostJsonAsync($"/api/v1/offices/{ministry}/spot-checks", new { fiscalYear = "2024-25", quarter = 1, sampleSize = 5 }, HttpStatusCode.Created);
        _check = check.Id();
        _seed = check.GetProperty("seed").GetInt64();
        var first = true;
        foreach (var item in check.GetProperty("items").EnumerateArray())
        {
            await _committee.PutJsonAsync($"/api/v1/spot-checks/{_check}/items/{item.GetProperty("itemId").GetInt64()}",
                new { checkedOn = "2024-09-22", withinTimeLimit = !first, feeAsPublished = true, documentsAsPublished = true, note = first ? "১২ কার্যদিবস লেগেছে" : null }, HttpStatusCode.OK);
            first = false;
        }
        await _committee.PostJsonAsync($"/api/v1/spot-checks/{_check}/issue", new
        {
            memoNumber = "05.00.0000.197.16.001.24.140", issuedOn = "2024-09-22", notes = "সময়সীমা মানার বিষয়ে এ১ দপ্তরকে নির্দেশনা দেওয়া হয়েছে।",
            signatoryName = "মোঃ পারভেজ হাসান", signatoryDesignation = "যুগ্মসচিব ও আহ্বায়ক",
        }, HttpStatusCode.OK);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private async Task<string> TextAsync(string language)
    {
        var response = await _committee.GetAsync($"/api/v1/spot-checks/{_check}/report.pdf?lang={language}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return PdfText.Squeeze(await PdfText.ExtractAsync(await response.Content.ReadAsByteArrayAsync()));
    }

    [Test]
    public async Task The_Bengali_report_states_the_draw_its_seed_the_findings_and_the_issue()
    {
        var text = await TextAsync("bn");
        var seed = BengaliDigits.ToBengali(_seed.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Multiple(() =>
        {
            foreach (var expected in new[]
                     {
                         "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার", "দপ্তর MIN", "সেবা প্রদান প্রতিশ্রুতি পরিবীক্ষণ প্রতিবেদন", "২০২৪-২৫ অর্থবছর, ১ম ত্রৈমাসিক",
                         "সচিব, মন্ত্রিপরিষদ বিভাগ", "স্মারক নম্বর: ০৫.০০.০০০০.১৯৭.১৬.০০১.২৪.১৪০", "৭ আশ্বিন ১৪৩১", "২২ সেপ্টেম্বর ২০২৪",
                         "মোট ১০টি সেবা থেকে দৈবচয়নের মাধ্যমে ৫টি সেবা", "২টি দপ্তরের", seed, "SplitMix64",
                         "দপ্তরভিত্তিক ফলাফল", "দপ্তর A1", "দপ্তর A2", "১২ কার্যদিবস লেগেছে", "সময়সীমা মানার বিষয়ে",
                         "মোঃ পারভেজ হাসান", "যুগ্মসচিব ও আহ্বায়ক", "পৃষ্ঠা ১ /",
                     })
            {
                Assert.That(text, Does.Contain(PdfText.Squeeze(expected)));
            }
            Assert.That(text, Does.Not.Contain("খসড়া"), "issued: no draft mark");
        });
    }

    [Test]
    public async Task The_English_report_reads_in_English()
    {
        var text = await TextAsync("en");

        Assert.Multiple(() =>
        {
            foreach (var expected in new[] { "Citizen's Charter monitoring report", "Secretary, Cabinet Division", "Memo number: 05.00.0000.197.16.001.24.140",
                         "7 Ashwin 1431", "22 September 2024", "Seed of the draw", _seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "Findings by office", "Office A1" })
            {
                Assert.That(text, Does.Contain(PdfText.Squeeze(expected)));
            }
        });
    }
}
