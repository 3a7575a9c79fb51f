using System.Net;
using System.Text.Json;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Monitoring;

/// <summary>
/// What a monitoring committee reads across its subtree, through the API, on the hand-built quarter of
/// <see cref="Given.MonitoredQuarterAsync"/> (5 January 2025, ten days before Q2's due date).
/// </summary>
public sealed class MonitoringApiTests
{
    private TestApp _app = null!;
    private HttpClient _admin = null!;
    private HttpClient _committee = null!;
    private long _ministry;
    private long[] _agencies = [];
    private long _otherAgency;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(TestClock.At(2025, 1, 5));
        (_ministry, _agencies, _otherAgency) = await new Given(_app).MonitoredQuarterAsync();
        _admin = await _app.AsAdminAsync();
        await _app.UserAsync("committee", Role.MonitoringCommittee, _ministry);
        await _app.UserAsync("a2.fp", Role.FocalPoint, _agencies[1]);
        var deputy = await _app.UserAsync("deputy.fp", Role.FocalPoint, _ministry);
        await _admin.PostJsonAsync($"/api/v1/offices/{_agencies[1]}/focal-points", new { userId = deputy, validFrom = "2024-07-01" }, HttpStatusCode.Created);
        await _app.UserAsync("oth.fp", Role.FocalPoint, _otherAgency);
        _committee = await _app.SignInAsync("committee");
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private Task<JsonElement> BackFill(long office, string what, Dictionary<string, object?> body, string recordedOn) =>
        _admin.PostJsonAsync($"/api/v1/offices/{office}/{what}", body.With("recordedOn", recordedOn), HttpStatusCode.Created);

    private static string Code(int agency) => $"MIN-A{agency}";

    [Test]
    public async Task The_trend_gives_each_quarter_the_same_figures_as_the_roll_up_of_that_quarter()
    {
        var trend = await _committee.GetJsonAsync($"/api/v1/offices/{_ministry}/trend?fiscalYear=2024-25");
        var quarters = trend.EnumerateArray().ToList();

        Assert.That(quarters.Select(q => q.GetProperty("quarter").GetInt32()), Is.EqualTo(new[] { 1, 2, 3, 4 }));
        for (var quarter = 1; quarter <= 4; quarter++)
        {
            var rollup = await _committee.GetJsonAsync($"/api/v1/offices/{_ministry}/rollup?fiscalYear=2024-25&quarter={quarter}");
            Assert.That(quarters[quarter - 1].GetRawText(), Is.EqualTo(rollup.GetRawText()), $"Q{quarter}");
        }
        Assert.Multiple(() =>
        {
            // Q1: 12 items; A1's 3 and A3's meeting and report on time, A3's update late, the rest (ministry 3, A2 3) missed.
            Assert.That(Counts(quarters[0]), Is.EqualTo((4, 12, 5, 1, 6, 0)));
            Assert.That(Counts(quarters[1]), Is.EqualTo((4, 12, 1, 0, 0, 11)), "Q2 is due on 15 January: still pending");
        });
    }

    private static (int Offices, int Expected, int Done, int Late, int Missed, int Pending) Counts(JsonElement r) =>
        (r.GetProperty("offices").GetInt32(), r.GetProperty("expected").GetInt32(), r.GetProperty("done").GetInt32(),
         r.GetProperty("late").GetInt32(), r.GetProperty("missed").GetInt32(), r.GetProperty("pending").GetInt32());

    [Test]
    public async Task The_risk_list_scores_each_office_by_the_rule_and_lists_the_highest_first()
    {
        var risk = await _committee.GetJsonAsync($"/api/v1/offices/{_ministry}/risk?fiscalYear=2024-25&quarter=2");
        var offices = risk.GetProperty("offices").GetProperty("items").EnumerateArray()
            .Select(o => (Code: o.Str("code"), Level: o.Str("level"), Points: o.GetProperty("points").GetInt32(),
                Missed: o.GetProperty("facts").GetProperty("missedQuarters").GetInt32(), Late: o.GetProperty("facts").GetProperty("lateQuarters").GetInt32(),
                DaysLeft: o.GetProperty("facts").GetProperty("daysLeft").GetInt32(), Recorded: o.GetProperty("facts").GetProperty("recorded").GetInt32()))
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(risk.GetProperty("open").GetBoolean(), Is.True);
            Assert.That(risk.GetProperty("assessed").GetInt32(), Is.EqualTo(4), "every office still has items open");
            // Missed Q1: 2 points; 10 days left: 3; nothing recorded: 2. A3, late once (half a point, rounded down) with
            // one of three recorded, has 3 points: under the list's 4.
            Assert.That(offices, Is.EqualTo(new[]
            {
                ("MIN", "High", 7, 1, 0, 10, 0),
                (Code(2), "High", 7, 1, 0, 10, 0),
                (Code(1), "Medium", 5, 0, 0, 10, 0),
            }));
        });
    }

    [Test]
    public async Task A_quarter_past_its_due_date_has_no_risk_list_and_its_lapses_name_the_focal_points()
    {
        var risk = await _committee.GetJsonAsync($"/api/v1/offices/{_ministry}/risk?fiscalYear=2024-25&quarter=1");
        var lapses = await _committee.GetJsonAsync($"/api/v1/offices/{_ministry}/lapses?fiscalYear=2024-25&quarter=1");
        var items = lapses.GetProperty("items").EnumerateArray().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(risk.GetProperty("open").GetBoolean(), Is.False);
            Assert.That(risk.GetProperty("offices").GetProperty("total").GetInt32(), Is.Zero);
            Assert.That(lapses.GetProperty("total").GetInt32(), Is.EqualTo(7), "6 missed and 1 late");
            // Missed first (due 15 October, 82 days ago on 5 January), by office code; the late one last, 5 days late.
            Assert.That(items.Select(i => (i.Str("code"), i.Str("indicatorCode"), i.Str("status"), i.GetProperty("daysLate").GetInt32())), Is.EqualTo(new[]
            {
                ("MIN", "1.1.1", "Missed", 82), ("MIN", "1.2.1", "Missed", 82), ("MIN", "1.3.1", "Missed", 82),
                (Code(2), "1.1.1", "Missed", 82), (Code(2), "1.2.2", "Missed", 82), (Code(2), "1.3.2", "Missed", 82),
                (Code(3), "1.1.1", "Late", 5),
            }));
            // A2's focal points: its own FocalPoint user and the ministry's officer assigned to it.
            Assert.That(items[3].GetProperty("focalPoints").EnumerateArray().Select(f => f.Str("displayName")), Is.EquivalentTo(new[] { "a2.fp", "deputy.fp" }));
            Assert.That(items[3].GetProperty("focalPoints")[0].Str("email"), Does.EndWith("@example.gov.bd"));
        });
    }

    [Test]
    public async Task The_lapses_of_the_year_include_every_quarter_and_page()
    {
        var first = await _committee.GetJsonAsync($"/api/v1/offices/{_ministry}/lapses?fiscalYear=2024-25&pageSize=4");
        var second = await _committee.GetJsonAsync($"/api/v1/offices/{_ministry}/lapses?fiscalYear=2024-25&pageSize=4&page=2");

        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("total").GetInt32(), Is.EqualTo(7), "nothing of Q2 to Q4 or the annual items is past due yet");
            Assert.That(first.GetProperty("items").GetArrayLength(), Is.EqualTo(4));
            Assert.That(second.GetProperty("items").GetArrayLength(), Is.EqualTo(3));
            Assert.That(second.GetProperty("items")[2].Str("status"), Is.EqualTo("Late"));
        });
    }

    [Test]
    public async Task The_ranking_shares_ranks_between_equal_scores_and_can_list_the_lowest_first()
    {
        var highest = await _committee.GetJsonAsync($"/api/v1/offices/{_ministry}/ranking?fiscalYear=2024-25&quarter=1");
        var lowest = await _committee.GetJsonAsync($"/api/v1/offices/{_ministry}/ranking?fiscalYear=2024-25&quarter=1&lowest=true&pageSize=2");
        static IEnumerable<(int, string, decimal)> Rows(JsonElement page) =>
            page.GetProperty("items").EnumerateArray().Select(o => (o.GetProperty("rank").GetInt32(), o.Str("code"), o.GetProperty("score").GetDecimal()));

        Assert.Multiple(() =>
        {
            // Quarter score over 13 marks: A1 all three (100); A3 too, a late update still counts (100); the ministry only
            // 1.2.1 for two of its three agencies' updates, 66.67 % of 4 marks = 2.67 (2.67 / 13 = 20.54, from the printed marks); A2 nothing.
            Assert.That(Rows(highest), Is.EqualTo(new[] { (1, Code(1), 100m), (1, Code(3), 100m), (3, "MIN", 20.54m), (4, Code(2), 0m) }));
            Assert.That(highest.GetProperty("total").GetInt32(), Is.EqualTo(4));
            Assert.That(highest.GetProperty("items")[0].Str("parentNameEn"), Is.EqualTo("Office MIN"));
            Assert.That(Rows(lowest), Is.EqualTo(new[] { (4, Code(2), 0m), (3, "MIN", 20.54m) }));
            Assert.That(lowest.GetProperty("total").GetInt32(), Is.EqualTo(4));
        });
    }

    [Test]
    public async Task The_heat_map_puts_the_office_itself_first_then_its_subordinates_with_each_items_status()
    {
        var map = await _committee.GetJsonAsync($"/api/v1/offices/{_ministry}/heat-map?fiscalYear=2024-25&quarter=1");
        var rows = map.GetProperty("rows").GetProperty("items").EnumerateArray().ToList();
        string Cell(int row, string code) => rows[row].GetProperty("cells").EnumerateArray().Single(c => c.Str("code") == code).Str("status");

        Assert.Multiple(() =>
        {
            Assert.That(map.GetProperty("columns").EnumerateArray().Select(c => c.Str("code")), Is.EqualTo(new[] { "1.1.1", "1.2.1", "1.2.2", "1.3.1", "1.3.2" }));
            Assert.That(rows.Select(r => (r.Str("code"), r.GetProperty("own").GetBoolean())), Is.EqualTo(new[] { ("MIN", true), (Code(1), false), (Code(2), false), (Code(3), false) }));
            Assert.That(rows[0].GetProperty("subordinates").GetInt32(), Is.EqualTo(3));
            Assert.That((Cell(0, "1.2.1"), Cell(0, "1.2.2")), Is.EqualTo(("Missed", "NotApplicable")), "the ministry monitors its subordinates instead of meeting stakeholders");
            Assert.That((Cell(1, "1.1.1"), Cell(2, "1.1.1"), Cell(3, "1.1.1")), Is.EqualTo(("Done", "Missed", "Late")));
            Assert.That(map.GetProperty("rows").GetProperty("total").GetInt32(), Is.EqualTo(3), "the subordinates, paged");
        });
    }

    [Test]
    public async Task Open_follow_ups_of_the_subtrees_meetings_are_listed_soonest_due_first_and_done_ones_drop_out()
    {
        // A monitoring committee meeting feeds no indicator: the other tests' figures stay as they are.
        var meeting = await BackFill(_ministry, "meetings", Samples.Meeting(followUpOwner: _agencies[0]).With("kind", "MonitoringCommittee"), "2024-08-13");
        var followUps = await _admin.GetJsonAsync($"/api/v1/offices/{_ministry}/follow-ups");
        var open = await _committee.GetJsonAsync($"/api/v1/offices/{_ministry}/subtree/follow-ups");
        var meetings = await _committee.GetJsonAsync($"/api/v1/offices/{_ministry}/subtree/meetings?fiscalYear=2024-25&quarter=1");
        var followUpId = followUps.EnumerateArray().Single(f => f.GetProperty("meetingId").GetInt64() == meeting.Id()).Id();
        var a1 = await _app.AsNewUserAsync("a1.fp", Role.FocalPoint, _agencies[0]);
        await a1.PostJsonAsync($"/api/v1/follow-ups/{followUpId}/complete", new { doneOn = "2025-01-03" }, HttpStatusCode.OK);
        var afterDone = await _committee.GetJsonAsync($"/api/v1/offices/{_ministry}/subtree/follow-ups");

        Assert.Multiple(() =>
        {
            var row = open.GetProperty("items").EnumerateArray().Single(f => f.Id() == followUpId);
            Assert.That((row.Str("action"), row.Str("ownerNameEn"), row.Str("dueOn"), row.Str("status")),
                Is.EqualTo(("Upload the updated charter to the portal", "Office MIN-A1", "2024-09-30", "Overdue")));
            Assert.That(row.GetProperty("meetingId").GetInt64(), Is.EqualTo(meeting.Id()));
            var held = meetings.GetProperty("items").EnumerateArray().Single(m => m.Id() == meeting.Id());
            Assert.That((held.Str("officeNameEn"), held.GetProperty("agendaItems").GetInt32(), held.GetProperty("openFollowUps").GetInt32()), Is.EqualTo(("Office MIN", 2, 1)));
            Assert.That(afterDone.GetProperty("items").EnumerateArray().Any(f => f.Id() == followUpId), Is.False);
        });
    }

    [Test]
    public async Task Another_ministrys_focal_point_reads_none_of_it()
    {
        var outsider = await _app.SignInAsync("oth.fp");
        foreach (var route in new[]
                 {
                     "trend?fiscalYear=2024-25", "heat-map?fiscalYear=2024-25&quarter=1", "ranking?fiscalYear=2024-25&quarter=1",
                     "lapses?fiscalYear=2024-25", "risk?fiscalYear=2024-25&quarter=2", "subtree/meetings?fiscalYear=2024-25", "subtree/follow-ups",
                 })
        {
            var response = await outsider.GetAsync($"/api/v1/offices/{_ministry}/{route}");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), route);
        }
    }

    [Test]
    public async Task A_bad_period_or_page_is_a_400_naming_the_field()
    {
        var noQuarter = await _committee.GetJsonAsync($"/api/v1/offices/{_ministry}/risk?fiscalYear=2024-25", HttpStatusCode.BadRequest);
        var badYear = await _committee.GetJsonAsync($"/api/v1/offices/{_ministry}/ranking?fiscalYear=2024-99", HttpStatusCode.BadRequest);
        var badPage = await _committee.GetJsonAsync($"/api/v1/offices/{_ministry}/lapses?fiscalYear=2024-25&page=0&pageSize=900", HttpStatusCode.BadRequest);

        Assert.Multiple(() =>
        {
            Assert.That(noQuarter.ErrorFields(), Is.EqualTo(new[] { "quarter" }));
            Assert.That(badYear.ErrorFields(), Is.EqualTo(new[] { "fiscalYear" }));
            Assert.That(badPage.ErrorFields(), Is.EquivalentTo(new[] { "page", "pageSize" }));
        });
    }

    [Test]
    public async Task Reads_default_to_the_running_fiscal_year_and_a_missing_required_value_says_required()
    {
        var withoutYear = await _committee.GetJsonAsync($"/api/v1/offices/{_ministry}/scorecard?quarter=1");
        var withYear = await _committee.GetJsonAsync($"/api/v1/offices/{_ministry}/scorecard?fiscalYear=2024-25&quarter=1");
        var trend = await _committee.GetJsonAsync($"/api/v1/offices/{_ministry}/trend");
        var rebuild = await (await _app.AsAdminAsync()).PostJsonAsync("/api/v1/admin/scores/rebuild", new { }, HttpStatusCode.BadRequest);
        var risk = await _committee.GetJsonAsync($"/api/v1/offices/{_ministry}/risk", HttpStatusCode.BadRequest);
        var malformed = await _committee.GetJsonAsync($"/api/v1/offices/{_ministry}/ranking?fiscalYear=2024", HttpStatusCode.BadRequest);
        using var openApi = JsonDocument.Parse(await _committee.GetStringAsync("/openapi/v1.json"));
        bool Required(string path, string name) => openApi.RootElement.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Single(p => p.Str("name") == name).TryGetProperty("required", out var required) && required.GetBoolean();

        Assert.Multiple(() =>
        {
            // 5 January 2025 lies in fiscal year 2024-25.
            Assert.That(withoutYear.Str("fiscalYear"), Is.EqualTo("2024-25"));
            Assert.That(withoutYear.GetProperty("score").GetDecimal(), Is.EqualTo(withYear.GetProperty("score").GetDecimal()));
            Assert.That(trend.GetArrayLength(), Is.EqualTo(4));
            Assert.That(rebuild.GetProperty("errors").GetProperty("fiscalYear")[0].GetString(), Does.Contain("required"), "a write still needs its year, and says so");
            Assert.That(risk.GetProperty("errors").GetProperty("quarter")[0].GetString(), Does.Contain("required"));
            Assert.That(malformed.GetProperty("errors").GetProperty("fiscalYear")[0].GetString(), Does.Contain("written like"));
            Assert.That(Required("/api/v1/offices/{id}/scorecard", "fiscalYear"), Is.False);
            Assert.That(Required("/api/v1/offices/{id}/risk", "quarter"), Is.True);
            Assert.That(Required("/api/v1/offices/{id}/heat-map", "quarter"), Is.True);
            Assert.That(Required("/api/v1/offices/{id}/quarterly-report.pdf", "quarter"), Is.True);
            Assert.That(Required("/api/v1/offices/{id}/ranking", "quarter"), Is.False);
        });
    }
}
