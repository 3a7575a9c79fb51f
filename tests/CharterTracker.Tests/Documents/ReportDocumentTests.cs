using System.Net;
using CharterTracker.Access;
using CharterTracker.Documents;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Documents;

/// <summary>The annual and quarterly reports, printed by Chromium and read back.</summary>
[Category("Chromium")]
[NonParallelizable]
public sealed class ReportDocumentTests
{
    private TestApp _app = null!;
    private HttpClient _committee = null!;
    private long _ministry;
    private long[] _agencies = [];

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(TestClock.At(2024, 10, 20));
        (_ministry, _agencies) = await new Given(_app).MinistryWithAsync(3);
        _committee = await _app.AsNewUserAsync("committee", Role.MonitoringCommittee, _ministry);
        var a1 = await _app.AsNewUserAsync("a1.fp", Role.FocalPoint, _agencies[0]);
        var a2 = await _app.AsNewUserAsync("a2.fp", Role.FocalPoint, _agencies[1]);
        // A1 does all of Q1 on time; A2 updates its charter late (after 15 Oct); A3 does nothing.
        var admin = await _app.AsAdminAsync();
        await admin.PostJsonAsync($"/api/v1/offices/{_agencies[0]}/charter-updates", Samples.CharterUpdate(updatedOn: "2024-09-10").With("recordedOn", "2024-09-11"), HttpStatusCode.Created);
        await admin.PostJsonAsync($"/api/v1/offices/{_agencies[0]}/meetings", Samples.Meeting(heldOn: "2024-09-15").With("kind", "StakeholderAwareness").With("recordedOn", "2024-09-16"), HttpStatusCode.Created);
        await a1.PostJsonAsync($"/api/v1/offices/{_agencies[0]}/reports", Samples.Report(submittedOn: "2024-10-05").With("recordedOn", null), HttpStatusCode.Created);
        await a2.PostJsonAsync($"/api/v1/offices/{_agencies[1]}/charter-updates", Samples.CharterUpdate(updatedOn: "2024-09-12"), HttpStatusCode.Created);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private async Task<string> TextAsync(string url)
    {
        var response = await _committee.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return PdfText.Squeeze(await PdfText.ExtractAsync(await response.Content.ReadAsByteArrayAsync()));
    }

    private static void Says(string text, params string[] phrases)
    {
        Assert.Multiple(() =>
        {
            foreach (var phrase in phrases)
            {
                Assert.That(text.Contains(PdfText.Squeeze(phrase), StringComparison.Ordinal), Is.True, $"the report should say: {phrase}");
            }
        });
    }

    [Test]
    public async Task The_quarterly_report_of_the_ministry_ranks_its_agencies_and_lists_what_was_late_or_missed()
    {
        var text = await TextAsync($"/api/v1/offices/{_ministry}/quarterly-report.pdf?fiscalYear=2024-25&quarter=1&lang=en");

        // Q1 scores: A1 13/13 = 100; A2 5/13 = 38.46; the ministry: two of its three agencies updated (66.67 % of 4 = 2.67 marks,
        // as printed) / 13 = 20.54; A3 0.
        Says(text,
            "Quarterly implementation report on the Citizen Charter 2024-25, Q1",
            "Rank", "1Office MIN-A1100.00", "2Office MIN-A238.46", "3Office MIN20.54", "4Office MIN-A30.00",
            "Missed and late items", "Office MIN-A2[1.1.1] Q115/10/2024Late (20/10/2024)", "Office MIN-A3[1.1.1] Q115/10/2024Missed",
            "Timeliness", "Average score by quarter", "Page 1 /");
    }

    [Test]
    public async Task The_quarterly_report_agrees_with_itself_and_with_the_scorecard_api()
    {
        var card = await _committee.GetJsonAsync($"/api/v1/offices/{_ministry}/scorecard?fiscalYear=2024-25&quarter=1");
        var text = await TextAsync($"/api/v1/offices/{_ministry}/quarterly-report.pdf?fiscalYear=2024-25&quarter=1&lang=en");

        var quarterly = card.GetProperty("indicators").EnumerateArray()
            .Where(i => i.GetProperty("applicable").GetBoolean() && i.Str("frequency") == "Quarterly").ToList();
        var score = card.GetProperty("score").GetDecimal();
        var weights = quarterly.Sum(i => i.GetProperty("weight").GetDecimal());
        // Each row's printed score, read back from the PDF: "[1.2.1] … 4.00 100 66.67 Late 2.67".
        var rows = quarterly.Select(i => decimal.Parse(System.Text.RegularExpressions.Regex.Match(text,
            $@"\[{System.Text.RegularExpressions.Regex.Escape(i.Str("code"))}\][^\[]*?(?:Done|Late|Missed|Pending)(\d+\.\d\d)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var annual = card.GetProperty("indicators").EnumerateArray().Single(i => i.Str("code") == "2.1.1");

        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Count.EqualTo(3));
            Assert.That(rows.Sum(), Is.EqualTo(quarterly.Sum(i => i.GetProperty("score").GetDecimal())), "the rows print the API's indicator scores");
            Assert.That(Math.Round(rows.Sum() / weights * 100, 2, MidpointRounding.AwayFromZero), Is.EqualTo(score), "the rows add up to the quarter score");
            Assert.That(text, Does.Contain(PdfText.Squeeze($"Total {weights:0.00} {rows.Sum():0.00}")));
            Assert.That(text, Does.Contain(PdfText.Squeeze($"Quarter score: {rows.Sum():0.00} ÷ {weights:0.00} × 100 = {score:0.00} / 100")), "the printed quarter score is the API's");
            Assert.That(text, Does.Not.Contain("Q2").And.Not.Contain("Q3").And.Not.Contain("Q4"), "a Q1 report shows no later quarter");
            Assert.That(annual.Str("status"), Is.EqualTo("Pending"), "an annual indicator is not done or scored in a quarter");
            Assert.That(annual.GetProperty("score").GetDecimal(), Is.Zero);
            Assert.That(text, Does.Contain(PdfText.Squeeze("Annual indicators are scored once for the year (in the annual report), due 15 July 2025; they are not part of the quarter score.")));
            Assert.That(text, Does.Match(@"\[2\.1\.1\][^\[]*Pending\(due15/07/2025\)"), "the annual indicator shows its progress and due date, no score");
        });
    }

    [Test]
    public async Task A_report_carries_the_issuing_block_it_is_given()
    {
        var text = await TextAsync($"/api/v1/offices/{_ministry}/quarterly-report.pdf?fiscalYear=2024-25&quarter=1&lang=en"
            + "&memoNumber=05.00.0000.197.16.001.24.140&memoDate=2024-10-20&signatoryName=Md.%20Anisur%20Rahman&signatoryDesignation=Senior%20Assistant%20Secretary");
        var plain = await TextAsync($"/api/v1/offices/{_ministry}/annual-report.pdf?fiscalYear=2024-25&lang=en&issuingOffice=CP-3%20Branch");

        Assert.Multiple(() =>
        {
            Says(text, "Memo number: 05.00.0000.197.16.001.24.140", "Date: 20/10/2024", "(Md. Anisur Rahman)", "Senior Assistant Secretary");
            Assert.That(plain, Does.Not.Contain("Memonumber"), "nothing is printed that was not given");
            Says(plain, "CP-3 Branch");
        });
    }

    [Test]
    public async Task The_annual_reports_missed_and_late_items_are_grouped_by_office_with_subtotals()
    {
        var text = await TextAsync($"/api/v1/offices/{_ministry}/annual-report.pdf?fiscalYear=2024-25&lang=en");

        Assert.Multiple(() =>
        {
            // A2 updated its charter late and held neither meeting nor report in Q1.
            Says(text, "Office MIN-A2[1.1.1] Q115/10/2024Late (20/10/2024)[1.2.2] Q115/10/2024Missed", "Subtotal: missed 2, late 1",
                "Office MIN-A3[1.1.1] Q115/10/2024Missed", "Total:");
            Assert.That(System.Text.RegularExpressions.Regex.Matches(text, "OfficeMIN-A3\\[").Count, Is.EqualTo(1), "an office heads its items once");
        });
    }

    [Test]
    public async Task The_annual_report_in_Bengali_gives_the_plan_score_and_the_subtree_figures()
    {
        var text = await TextAsync($"/api/v1/offices/{_agencies[0]}/annual-report.pdf?fiscalYear=2024-25");

        Says(text, "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার", "বার্ষিক প্রতিবেদন ২০২৪-২৫", "[১.১.১]", "প্রাপ্ত নম্বর", "এপিএ নম্বর", "সম্পন্ন", "পৃষ্ঠা ১ /");
    }

    [Test]
    public void Ties_share_a_rank_and_the_next_rank_skips()
    {
        var ranked = GetPerformanceReportHandler.Rank([(1, "A", "A", 90m), (2, "B", "B", 80m), (3, "C", "C", 80m), (4, "D", "D", 70m)]);

        Assert.That(ranked.Select(r => (r.Code, r.Rank)), Is.EqualTo(new[] { ("A", 1), ("B", 2), ("C", 2), ("D", 4) }));
    }

    [Test]
    public async Task A_quarterly_report_needs_its_quarter()
    {
        var problem = await _committee.GetJsonAsync($"/api/v1/offices/{_ministry}/quarterly-report.pdf?fiscalYear=2024-25", HttpStatusCode.BadRequest);

        Assert.Multiple(() =>
        {
            Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "quarter" }));
            Assert.That(problem.GetProperty("errors").GetProperty("quarter")[0].GetString(), Does.Contain("required"));
        });
    }

    [Test]
    public async Task The_report_preview_is_html_with_svg_charts()
    {
        var response = await _committee.GetAsync($"/api/v1/offices/{_ministry}/annual-report.html?fiscalYear=2024-25&lang=en");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(html, Does.Contain("<svg").And.Contain("Annual progress report on the Citizen Charter 2024-25"));
    }
}
