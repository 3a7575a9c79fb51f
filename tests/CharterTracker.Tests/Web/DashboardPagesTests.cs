using System.Net;
using System.Text.RegularExpressions;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Web;

/// <summary>
/// The monitoring committee's dashboard over HTTP, on the quarter of <see cref="Given.MonitoredQuarterAsync"/> (5 January
/// 2025, ten days before Q2's due date), with a monitoring committee meeting of the ministry whose follow-up, owned by
/// A1, is overdue.
/// </summary>
public sealed class DashboardPagesTests
{
    private TestApp _app = null!;
    private HttpClient _admin = null!;
    private long _ministry;
    private long[] _agencies = [];
    private long _otherAgency;
    private long _meeting;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(TestClock.At(2025, 1, 5));
        (_ministry, _agencies, _otherAgency) = await new Given(_app).MonitoredQuarterAsync();
        _admin = await _app.AsAdminAsync();
        await _app.UserAsync("committee", Role.MonitoringCommittee, _ministry, language: "en");
        await _app.UserAsync("komiti", Role.MonitoringCommittee, _ministry, language: "bn");
        await _app.UserAsync("a2.fp", Role.FocalPoint, _agencies[1]);
        await _app.UserAsync("a3.fp", Role.FocalPoint, _agencies[2]);
        await _app.UserAsync("oth.fp", Role.FocalPoint, _otherAgency);
        // A monitoring committee meeting of the ministry (it feeds no indicator) decided a follow-up A1 owns.
        _meeting = (await _admin.PostJsonAsync($"/api/v1/offices/{_ministry}/meetings",
            Samples.Meeting(followUpOwner: _agencies[0]).With("kind", "MonitoringCommittee").With("recordedOn", "2024-08-13"), HttpStatusCode.Created)).Id();
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private string Dashboard(int quarter, string lang = "en", long? office = null) =>
        $"/dashboard?officeId={office ?? _ministry}&fiscalYear=2024-25&quarter={quarter}&lang={lang}";

    /// <summary>The text of one section (data-table) of a page, tags removed, whitespace collapsed.</summary>
    private static string Section(string html, string table)
    {
        var match = Regex.Match(html, $"<section[^>]*data-table=\"{table}\"[^>]*>(.*?)</section>", RegexOptions.Singleline);
        Assert.That(match.Success, Is.True, $"the page has a {table} section");
        return Text(match.Groups[1].Value);
    }

    private static string Text(string html) =>
        Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " ")), @"\s+", " ").Trim();

    private static string Figure(string html, string name) =>
        Text(Regex.Match(html, $"<div data-figure=\"{name}\"><dt>[^<]*</dt><dd>(.*?)</dd>", RegexOptions.Singleline).Groups[1].Value);

    /// <summary>The rows of a table (tr with data-office), each as its text.</summary>
    private static IReadOnlyList<(string Office, string Text)> Rows(string html, string table) =>
        Regex.Matches(Regex.Match(html, $"<section[^>]*data-table=\"{table}\"[^>]*>(.*?)</section>", RegexOptions.Singleline).Groups[1].Value,
                "<tr data-office=\"(\\d+)\"[^>]*>(.*?)</tr>", RegexOptions.Singleline)
            .Select(m => (m.Groups[1].Value, Text(m.Groups[2].Value))).ToList();

    [Test]
    public async Task The_dashboard_shows_the_quarters_headline_figures_and_the_heat_map_with_the_office_itself_first()
    {
        var committee = await _app.SignInOnFormAsync("committee");
        var html = await committee.PageAsync(Dashboard(1));
        var heatMap = Rows(html, "heat-map");

        Assert.Multiple(() =>
        {
            Assert.That(Figure(html, "offices"), Is.EqualTo("4"));
            // 12 items: 5 done, 1 late, 6 missed.
            Assert.That(Figure(html, "completeness"), Does.StartWith("50.0%"));
            Assert.That(Figure(html, "on-time"), Does.StartWith("83.3%"));
            Assert.That(Figure(html, "missed"), Is.EqualTo("6"));
            Assert.That(Figure(html, "pending"), Is.EqualTo("0"));
            Assert.That(heatMap.Select(r => r.Office), Is.EqualTo(new[] { _ministry, _agencies[0], _agencies[1], _agencies[2] }.Select(id => id.ToString())));
            Assert.That(heatMap[0].Text, Does.StartWith("Office MIN (Own office) 20.54 ✗ Missed ✗ Missed – Not applicable ✗ Missed – Not applicable"));
            Assert.That(heatMap[3].Text, Does.StartWith("Office MIN-A3 100.00 ◷ Late – Not applicable ✓ Done – Not applicable ✓ Done"));
            Assert.That(html, Does.Contain($"<a href=\"/dashboard?officeId={_agencies[2]}&amp;fiscalYear=2024-25&amp;quarter=1\">Office MIN-A3</a>"), "each subordinate drills down");
            Assert.That(html, Does.Contain("<abbr title=\"Own charter updated this quarter\">1.1.1</abbr>"));
            Assert.That(Regex.Match(html, "<nav class=\"breadcrumb\"[^>]*>(.*?)</nav>", RegexOptions.Singleline).Groups[1].Value, Does.Contain("aria-current=\"page\">Office MIN</a>"));
        });
    }

    [Test]
    public async Task The_trend_table_gives_every_quarter_with_the_current_one_marked()
    {
        var committee = await _app.SignInOnFormAsync("committee");
        var html = await committee.PageAsync(Dashboard(2));
        var trend = Section(html, "trend");

        Assert.Multiple(() =>
        {
            Assert.That(trend, Does.Contain("Q1 4 12 5 1 6 0 50.0% 55.14"), "quarter, offices, expected, done, late, missed, pending, completeness, average score");
            Assert.That(trend, Does.Contain("Q2 4 12 1 0 0 11 8.3% 100.00 (so far)"), "A3 alone has recorded: 5 of 5 so far, the others are left out, not zero");
            Assert.That(html, Does.Contain("<tr data-quarter=\"2\" data-phase=\"Running\" class=\"current\">"));
            Assert.That(html, Does.Contain("<svg").And.Contain("aria-label=\"Average quarter score\""), "the charts are drawn and named");
        });
    }

    [Test]
    public async Task Quarters_that_have_not_begun_are_not_yet_due_and_the_running_quarter_is_scored_on_what_is_recorded_so_far()
    {
        var committee = await _app.SignInOnFormAsync("committee");
        var running = await committee.PageAsync(Dashboard(2));
        var future = await committee.PageAsync(Dashboard(4));
        string TrendRow(string html, int quarter) =>
            Text(Regex.Match(html, $"<tr data-quarter=\"{quarter}\"[^>]*>(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value);

        Assert.Multiple(() =>
        {
            // 5 January 2025: Q2 is due on 15 January; Q3 began on 1 January with nothing recorded yet; Q4 has not begun.
            Assert.That(TrendRow(running, 3), Does.EndWith("not yet due").And.Not.Contain("0.0%").And.Not.Contain("0.00"));
            Assert.That(TrendRow(running, 4), Does.EndWith("not yet due").And.Not.Contain("0.0%").And.Not.Contain("0.00"));
            Assert.That(running, Does.Contain("data-quarter=\"4\" data-phase=\"NotStarted\""));
            Assert.That(running, Does.Contain("Quarter under way, due 15/01/2025: scores are on the items recorded so far, items not yet due are not counted as zero; 1 of 4 offices have recorded something so far."));
            // Only A3 has recorded in Q2 (its charter update, 5 of 5 marks): the average is over it, not four offices with zeros.
            Assert.That(TrendRow(running, 2), Does.EndWith("100.00 (so far)"));
            Assert.That(Figure(future, "completeness"), Does.StartWith("not yet due"));
            Assert.That(Figure(future, "average-score"), Does.StartWith("not yet due"));
            Assert.That(future, Does.Contain("This quarter has not begun: nothing is due yet (due 15/07/2025)."));
            Assert.That(future, Does.Contain("not yet due").And.Contain("<svg"), "the chart draws future quarters as not yet due");
        });
    }

    [Test]
    public async Task The_ranking_says_beside_each_score_what_made_it_on_the_page_and_in_the_csv()
    {
        var committee = await _app.SignInOnFormAsync("committee");
        var html = await committee.PageAsync($"/dashboard/ranking?officeId={_ministry}&fiscalYear=2024-25&quarter=1&lang=en");
        var csv = await committee.GetStringAsync($"/dashboard/ranking.csv?officeId={_ministry}&fiscalYear=2024-25&quarter=1&lang=en");
        var rows = Rows(html, "ranking");
        var a2 = rows.Single(r => r.Office == _agencies[1].ToString()).Text;

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("What made the score").And.Contain("Quarter score = the marks of the indicators counted ÷ the sum of their weights × 100."));
            Assert.That(html, Does.Contain("<table class=\"ranking compact\">"), "a compact table on phones too, not one card per office");
            // A2 did nothing in Q1: 0 of 13 marks.
            Assert.That(a2, Does.Contain("0.00 0 done, 0 late, 3 missed of 3 1.1.1 Missed 0.00/5.00 · 1.2.2 Missed 0.00/4.00 · 1.3.2 Missed 0.00/4.00"));
            Assert.That(csv, Does.StartWith("Rank,Code,Office,Parent office,Score,Done,Late,Missed,Pending,Expected,Marks,Weights counted,What made the score"));
            Assert.That(csv, Does.Contain("Office MIN-A2,Office MIN,0.00,0,0,3,0,3,0.00,13.00,1.1.1 Missed 0.00/5.00; 1.2.2 Missed 0.00/4.00; 1.3.2 Missed 0.00/4.00"));
        });
    }

    [Test]
    public async Task The_risk_list_explains_its_rule_and_gives_each_office_its_reasons_highest_points_first()
    {
        var committee = await _app.SignInOnFormAsync("committee");
        var html = await committee.PageAsync(Dashboard(2));
        var risk = Rows(html, "risk");

        Assert.Multiple(() =>
        {
            Assert.That(Section(html, "risk"), Does.Contain("The rule: an office with items of this quarter still open gets 2 points for every one of the last four quarters in which it missed an item"));
            Assert.That(risk.Select(r => r.Office), Is.EqualTo(new[] { _ministry, _agencies[1], _agencies[0] }.Select(id => id.ToString())), "A3, 3 points, stays off the list");
            Assert.That(risk[1].Text, Is.EqualTo("▲ High risk Office MIN-A2 Office MIN missed an item in 1 of the last 4 quarters 10 days left before the due date nothing recorded yet 15 January 2025 7"));
        });
    }

    [Test]
    public async Task Missed_and_late_items_show_how_late_and_the_offices_focal_points()
    {
        var committee = await _app.SignInOnFormAsync("committee");
        var html = await committee.PageAsync(Dashboard(1));
        var lapses = Rows(html, "lapses");

        Assert.Multiple(() =>
        {
            Assert.That(lapses, Has.Count.EqualTo(7));
            Assert.That(lapses[3].Text, Is.EqualTo("Office MIN-A2 1.1.1 15 October 2024 ✗ Missed 82 days late a2.fp · a2.fp@example.gov.bd"));
            Assert.That(lapses[6].Text, Is.EqualTo("Office MIN-A3 1.1.1 15 October 2024 ◷ Late 5 days late · Recorded on: 20 October 2024 a3.fp · a3.fp@example.gov.bd"));
            Assert.That(lapses[0].Text, Does.EndWith("none assigned"), "nobody is the ministry's focal point");
            Assert.That(html, Does.Contain("<a href=\"mailto:a2.fp@example.gov.bd\">"));
        });
    }

    [Test]
    public async Task The_ranking_shares_ranks_and_lists_the_lowest_first_on_request()
    {
        var committee = await _app.SignInOnFormAsync("committee");
        var highest = Rows(await committee.PageAsync(Dashboard(1)), "ranking");
        var lowest = Rows(await committee.PageAsync(Dashboard(1) + "&order=lowest"), "ranking");

        Assert.Multiple(() =>
        {
            Assert.That(highest, Has.Count.EqualTo(4));
            Assert.That(highest[0].Text, Is.EqualTo("1 Office MIN-A1 Office MIN 100.00 3 done, 0 late, 0 missed of 3 1.1.1 Done 5.00/5.00 · 1.2.2 Done 4.00/4.00 · 1.3.2 Done 4.00/4.00"));
            Assert.That(highest[1].Text, Does.StartWith("1 Office MIN-A3 Office MIN 100.00 2 done, 1 late, 0 missed of 3 1.1.1 Late 5.00/5.00"));
            // The ministry's 1.2.1 is missed (one agency never updated) yet earns 2.67 of 4: two of three updated.
            Assert.That(highest[2].Text, Is.EqualTo("3 Office MIN 20.54 0 done, 0 late, 3 missed of 3 1.1.1 Missed 0.00/5.00 · 1.2.1 Missed 2.67/4.00 · 1.3.1 Missed 0.00/4.00"));
            Assert.That(highest[3].Text, Does.StartWith("4 Office MIN-A2 Office MIN 0.00 0 done, 0 late, 3 missed of 3"));
            Assert.That(lowest.First().Text, Does.StartWith("4 Office MIN-A2"));
        });
    }

    [Test]
    public async Task Open_follow_ups_and_the_quarters_meetings_link_to_the_minutes_in_both_languages()
    {
        var committee = await _app.SignInOnFormAsync("committee");
        var html = await committee.PageAsync(Dashboard(1));

        Assert.Multiple(() =>
        {
            Assert.That(Section(html, "follow-ups"), Does.Contain("Upload the updated charter to the portal Office MIN-A1 30 September 2024 ! Overdue Office MIN, 12 August 2024 Minutes (PDF)"));
            Assert.That(html, Does.Contain($"href=\"/api/v1/meetings/{_meeting}/minutes.pdf?lang=bn\" hreflang=\"bn\">Minutes PDF (বাংলা)</a>"));
            Assert.That(html, Does.Contain($"href=\"/api/v1/meetings/{_meeting}/minutes.pdf?lang=en\" hreflang=\"en\">Minutes PDF (English)</a>"));
            Assert.That(Section(html, "meetings"), Does.Contain("Office MIN 12 August 2024 05.00.0000.197.16.001.24.136 1"), "office, date, memo number, open follow-ups");
        });
        // The minutes' preview opens with the same cookie.
        var preview = await committee.GetAsync($"/api/v1/meetings/{_meeting}/minutes.html?lang=en");
        Assert.That(preview.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_reports_section_links_the_annual_and_the_quarterly_report_in_both_languages()
    {
        var committee = await _app.SignInOnFormAsync("committee");
        var html = await committee.PageAsync(Dashboard(2));

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain($"href=\"/api/v1/offices/{_ministry}/annual-report.pdf?fiscalYear=2024-25&amp;lang=bn\""));
            Assert.That(html, Does.Contain($"href=\"/api/v1/offices/{_ministry}/quarterly-report.pdf?fiscalYear=2024-25&amp;quarter=2&amp;lang=en\""));
        });
    }

    [Test]
    public async Task In_Bengali_the_dashboard_writes_its_words_numbers_and_dates_in_Bengali()
    {
        var committee = await _app.SignInOnFormAsync("komiti");
        var html = await committee.PageAsync(Dashboard(1, "bn"));

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<html lang=\"bn\">"));
            Assert.That(Figure(html, "offices"), Is.EqualTo("৪"));
            Assert.That(Figure(html, "completeness"), Does.StartWith("৫০.০%"));
            Assert.That(Rows(html, "heat-map")[3].Text, Does.StartWith("দপ্তর MIN-A3 ১০০.০০ ◷ বিলম্বে সম্পন্ন"));
            Assert.That(Rows(html, "lapses")[6].Text, Does.Contain("১৫ অক্টোবর ২০২৪").And.Contain("৫ দিন দেরি"));
            Assert.That(Section(html, "risk"), Does.Contain("নিয়ম: যে দপ্তরের এই ত্রৈমাসিকের কাজ এখনো বাকি"));
            Assert.That(Regex.IsMatch(html, "<abbr title=\"[^\"]*\\p{IsBengali}[^\"]*\">১.১.১</abbr>"), Is.True, "the indicator's code in Bengali digits, its Bengali text as the title");
            Assert.That(Text(html), Does.Not.Contain("Missed"));
        });
    }

    [Test]
    public async Task Every_table_downloads_as_csv_with_every_row_and_headings_in_the_readers_language()
    {
        var committee = await _app.SignInOnFormAsync("committee");
        var komiti = await _app.SignInOnFormAsync("komiti");
        async Task<(HttpResponseMessage Response, string[] Lines)> Csv(HttpClient client, string table, int quarter = 1)
        {
            var response = await client.GetAsync($"/dashboard/{table}.csv?officeId={_ministry}&fiscalYear=2024-25&quarter={quarter}");
            var text = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
            return (response, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        }

        var lapses = await Csv(committee, "lapses");
        var heatMap = await Csv(committee, "heat-map");
        var risk = await Csv(committee, "risk", quarter: 2);
        var ranking = await Csv(committee, "ranking");
        var trend = await Csv(committee, "trend");
        var followUps = await Csv(committee, "follow-ups");
        var meetings = await Csv(committee, "meetings");
        var bengali = await Csv(komiti, "lapses");

        Assert.Multiple(() =>
        {
            Assert.That(lapses.Response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
            Assert.That(lapses.Response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Is.EqualTo("lapses-MIN-2024-25-Q1.csv"));
            Assert.That(lapses.Lines[0], Is.EqualTo("Code,Office,Indicator,Quarter,Due on,Status,Recorded on,Days late,Focal points"));
            Assert.That(lapses.Lines, Has.Length.EqualTo(8));
            Assert.That(lapses.Lines[7], Is.EqualTo("MIN-A3,Office MIN-A3,1.1.1,1,2024-10-15,Late,2024-10-20,5,a3.fp <a3.fp@example.gov.bd>"));
            Assert.That(heatMap.Lines[0], Is.EqualTo("Code,Office,Quarter score,1.1.1,1.2.1,1.2.2,1.3.1,1.3.2"));
            Assert.That(heatMap.Lines[1], Is.EqualTo("MIN,Office MIN,20.54,Missed,Missed,Not applicable,Missed,Not applicable"));
            Assert.That(risk.Lines.Skip(1).Select(l => l.Split(',')[0]), Is.EqualTo(new[] { "MIN", "MIN-A2", "MIN-A1" }));
            Assert.That(ranking.Lines[1], Is.EqualTo("1,MIN-A1,Office MIN-A1,Office MIN,100.00,3,0,0,0,3,13.00,13.00,1.1.1 Done 5.00/5.00; 1.2.2 Done 4.00/4.00; 1.3.2 Done 4.00/4.00"));
            Assert.That(trend.Lines, Has.Length.EqualTo(5));
            Assert.That(trend.Response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Is.EqualTo("trend-MIN-2024-25.csv"));
            Assert.That(followUps.Lines[1], Is.EqualTo($"Upload the updated charter to the portal,Office MIN-A1,2024-09-30,Overdue,Office MIN,2024-08-12,{_meeting}"));
            Assert.That(meetings.Lines, Has.Length.EqualTo(4), "the ministry's and two agencies' meetings of Q1");
            Assert.That(bengali.Lines[0], Does.StartWith("কোড,দপ্তর,সূচক,ত্রৈমাসিক,শেষ তারিখ"));
            Assert.That(bengali.Lines[7], Does.StartWith("MIN-A3,দপ্তর MIN-A3,1.1.1,1,2024-10-15,বিলম্বে সম্পন্ন,2024-10-20,5,"), "numbers and dates stay Latin for the spreadsheet");
        });
    }

    [Test]
    public async Task A_focal_point_of_another_ministry_gets_a_403_page_for_every_dashboard_page_and_csv()
    {
        var outsider = await _app.SignInOnFormAsync("oth.fp");
        var query = $"?officeId={_ministry}&fiscalYear=2024-25&quarter=1";

        var dashboard = await outsider.PageAsync("/dashboard" + query, HttpStatusCode.Forbidden);
        Assert.That(dashboard, Does.Contain("You are not allowed to see this page.").And.Not.Contain("Office MIN-A1"));
        foreach (var table in new[] { "heat-map", "trend", "risk", "lapses", "ranking", "follow-ups", "meetings" })
        {
            Assert.That((await outsider.GetAsync($"/dashboard/{table}{query}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), table);
            Assert.That((await outsider.GetAsync($"/dashboard/{table}.csv{query}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), table + ".csv");
        }
        await outsider.PageAsync($"/workspace{query}", HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task A_focal_points_breadcrumb_starts_at_its_own_office_and_the_committees_at_the_ministry()
    {
        var committee = await _app.SignInOnFormAsync("committee");
        var focalPoint = await _app.SignInOnFormAsync("a3.fp");
        static string Crumbs(string html) => Text(Regex.Match(html, "<nav class=\"breadcrumb\"[^>]*>(.*?)</nav>", RegexOptions.Singleline).Groups[1].Value);

        var asCommittee = Crumbs(await committee.PageAsync(Dashboard(1, office: _agencies[2])));
        var asFocalPoint = Crumbs(await focalPoint.PageAsync(Dashboard(1, office: _agencies[2])));

        Assert.Multiple(() =>
        {
            Assert.That(asCommittee, Is.EqualTo("Office MIN Office MIN-A3"));
            Assert.That(asFocalPoint, Is.EqualTo("Office MIN-A3"));
        });
    }

    [Test]
    public async Task An_unknown_table_is_a_404_page_and_a_bad_page_number_a_400_page()
    {
        var committee = await _app.SignInOnFormAsync("committee");

        await committee.PageAsync($"/dashboard/nothing?officeId={_ministry}", HttpStatusCode.NotFound);
        await committee.PageAsync($"/dashboard/ranking?officeId={_ministry}&page=zero", HttpStatusCode.BadRequest);
        await committee.PageAsync($"/dashboard/ranking?officeId={_ministry}&fiscalYear=1999", HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task A_table_with_more_rows_than_a_page_shows_the_first_on_the_dashboard_and_pages_through_all_of_them()
    {
        await using var app = await TestApp.StartAsync(TestClock.At(2024, 9, 25));
        var (ministry, _) = await new Given(app).MinistryWithAsync(52);
        await app.UserAsync("committee", Role.MonitoringCommittee, ministry);
        var committee = await app.SignInOnFormAsync("committee");

        var dashboard = await committee.PageAsync($"/dashboard?officeId={ministry}&lang=en");
        var first = await committee.PageAsync($"/dashboard/ranking?officeId={ministry}&fiscalYear=2024-25&quarter=1&lang=en");
        var second = await committee.PageAsync($"/dashboard/ranking?officeId={ministry}&fiscalYear=2024-25&quarter=1&page=2&lang=en");

        Assert.Multiple(() =>
        {
            Assert.That(Rows(dashboard, "ranking"), Has.Count.EqualTo(10));
            Assert.That(Section(dashboard, "ranking"), Does.Contain("10 of 53 Show all (53)"));
            Assert.That(Rows(first, "ranking"), Has.Count.EqualTo(50));
            Assert.That(first, Does.Contain("Page 1 of 2").And.Contain("rel=\"next\">Next page</a>"));
            Assert.That(Rows(second, "ranking"), Has.Count.EqualTo(3));
            Assert.That(second, Does.Contain("rel=\"prev\">Previous page</a>").And.Not.Contain("rel=\"next\""));
            Assert.That(Rows(dashboard, "heat-map"), Has.Count.EqualTo(51), "the office itself and its first 50 subordinates");
            Assert.That(Section(dashboard, "heat-map"), Does.Contain("50 of 52 Show all (52)"));
        });
    }

    [Test]
    public async Task When_todays_year_has_no_plan_yet_the_dashboard_opens_on_the_last_quarter_of_the_latest_planned_year()
    {
        // 1 December 2026: fiscal year 2026-27 has no plan; only the built-in 2024-25 exists.
        await using var app = await TestApp.StartAsync(TestClock.At(2026, 12, 1));
        var (ministry, _) = await new Given(app).MinistryWithAsync(1);
        await app.UserAsync("committee", Role.MonitoringCommittee, ministry);
        var committee = await app.SignInOnFormAsync("committee");

        var html = await committee.PageAsync("/dashboard?lang=en");

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("2024-25 · Q4"));
            Assert.That(html, Does.Contain("<tr data-quarter=\"4\" data-phase=\"Due\" class=\"current\">"));
            Assert.That(Figure(html, "offices"), Is.EqualTo("2"));
        });
    }
}
