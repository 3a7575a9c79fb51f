using System.Net;
using System.Text.Json;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Scoring;

/// <summary>Records logged through the API, then the scorecard, roll-up, deadlines and checklist read back through it.</summary>
public sealed class ScoringApiTests
{
    private TestApp _app = null!;
    private HttpClient _admin = null!;
    private long _ministry;
    private long[] _agencies = [];

    [SetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(TestClock.At(2024, 9, 25));
        _admin = await _app.AsAdminAsync();
        (_ministry, _agencies) = await new Given(_app).MinistryWithAsync(2);
    }

    [TearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private Task<JsonElement> Record(HttpClient client, long office, string what, object body) =>
        client.PostJsonAsync($"/api/v1/offices/{office}/{what}", body, HttpStatusCode.Created);

    private static JsonElement Indicator(JsonElement card, string code) => card.GetProperty("indicators").EnumerateArray().Single(i => i.Str("code") == code);

    [Test]
    public async Task The_ministrys_first_quarter_scorecard_counts_its_own_records_and_its_agencies_updates()
    {
        var ministryFp = await _app.AsNewUserAsync("mopa.fp", Role.FocalPoint, _ministry);
        var agencyFp = await _app.AsNewUserAsync("a1.fp", Role.FocalPoint, _agencies[0]);
        await Record(ministryFp, _ministry, "charter-updates", Samples.CharterUpdate(updatedOn: "2024-09-10"));
        await Record(ministryFp, _ministry, "meetings", Samples.Meeting(heldOn: "2024-09-19"));
        await Record(agencyFp, _agencies[0], "charter-updates", Samples.CharterUpdate(updatedOn: "2024-09-12"));

        var card = await ministryFp.GetJsonAsync($"/api/v1/offices/{_ministry}/scorecard?fiscalYear=2024-25&quarter=1");

        // 1.1.1 5 + 1.2.1 one of two agencies (50 % < 60 % → 0) + 1.3.1 4 = 9 of 13 = 69.23 once the quarter is due; on 25 September,
        // before its due date, it is scored on what is recorded so far: 1.2.1 waits for the other agency, so 9 of 9 = 100.
        Assert.Multiple(() =>
        {
            Assert.That(card.GetProperty("officeId").GetInt64(), Is.EqualTo(_ministry));
            Assert.That(card.Str("fiscalYear"), Is.EqualTo("2024-25"));
            Assert.That(card.GetProperty("quarter").GetInt32(), Is.EqualTo(1));
            Assert.That(card.GetProperty("hasSubordinates").GetBoolean(), Is.True);
            Assert.That(card.GetProperty("score").GetDecimal(), Is.EqualTo(100m));
            Assert.That(card.GetProperty("dueSoFar").GetBoolean(), Is.True);
            Assert.That(card.GetProperty("scoreOfAllItems").GetDecimal(), Is.EqualTo(69.23m));
            Assert.That(Indicator(card, "1.2.1").GetProperty("actual").GetDecimal(), Is.EqualTo(50m));
            Assert.That(Indicator(card, "1.2.1").GetProperty("score").GetDecimal(), Is.EqualTo(0m));
            Assert.That(Indicator(card, "1.1.1").Str("status"), Is.EqualTo("Done"));
            Assert.That(Indicator(card, "1.2.2").GetProperty("applicable").GetBoolean(), Is.False);
            Assert.That(Indicator(card, "1.2.2").Str("status"), Is.EqualTo("NotApplicable"));
            Assert.That(card.GetProperty("indicators").GetArrayLength(), Is.EqualTo(8), "every indicator of the plan is listed");
        });
    }

    [Test]
    public async Task The_annual_scorecard_gives_the_plan_score_out_of_25_and_its_APA_conversion()
    {
        var agencyFp = await _app.AsNewUserAsync("a1.fp", Role.FocalPoint, _agencies[0]);
        await Record(agencyFp, _agencies[0], "charter-updates", Samples.CharterUpdate(updatedOn: "2024-09-10"));
        await Record(agencyFp, _agencies[0], "trainings", Samples.Training(heldOn: "2024-09-05"));

        var card = await agencyFp.GetJsonAsync($"/api/v1/offices/{_agencies[0]}/scorecard?fiscalYear=2024-25");

        // 1 of 4 updates = 25 % → 0; training 6 of 6; nothing else yet: 6 of 25 = 24 %; APA 6/25 × 3 = 0.72.
        Assert.Multiple(() =>
        {
            Assert.That(card.GetProperty("quarter").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(card.GetProperty("planScore").GetDecimal(), Is.EqualTo(6m));
            Assert.That(card.GetProperty("planTotal").GetDecimal(), Is.EqualTo(25m));
            Assert.That(card.GetProperty("score").GetDecimal(), Is.EqualTo(24m));
            Assert.That(card.GetProperty("apaScore").GetDecimal(), Is.EqualTo(0.72m));
            Assert.That(Indicator(card, "2.1.2").GetProperty("counted")[0].GetString(), Does.StartWith("Training#"));
        });
    }

    [Test]
    public async Task Deadlines_list_every_expected_item_with_its_due_date_and_status()
    {
        var agencyFp = await _app.AsNewUserAsync("a1.fp", Role.FocalPoint, _agencies[0]);
        await Record(agencyFp, _agencies[0], "charter-updates", Samples.CharterUpdate(updatedOn: "2024-09-10"));

        var deadlines = (await agencyFp.GetJsonAsync($"/api/v1/offices/{_agencies[0]}/deadlines?fiscalYear=2024-25")).EnumerateArray().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(deadlines, Has.Count.EqualTo(3 * 4 + 2), "1.1.1, 1.2.2, 1.3.2 each quarter; 2.1.2 and 2.2.2 once");
            var first = deadlines.Single(d => d.Str("indicatorCode") == "1.1.1" && d.GetProperty("quarter").GetInt32() == 1);
            Assert.That((first.Str("dueOn"), first.Str("status")), Is.EqualTo(("2024-10-15", "Done")));
            var annual = deadlines.Single(d => d.Str("indicatorCode") == "2.2.2");
            Assert.That((annual.GetProperty("quarter").ValueKind, annual.Str("dueOn"), annual.Str("status")), Is.EqualTo((JsonValueKind.Null, "2025-07-15", "Pending")));
            Assert.That(deadlines.Select(d => d.Str("dueOn")), Is.Ordered);
        });
    }

    [Test]
    public async Task The_checklist_says_what_is_missing_and_turns_done_when_recorded()
    {
        var agencyFp = await _app.AsNewUserAsync("a1.fp", Role.FocalPoint, _agencies[0]);

        var before = await agencyFp.GetJsonAsync($"/api/v1/offices/{_agencies[0]}/checklist?fiscalYear=2024-25&quarter=1");
        await Record(agencyFp, _agencies[0], "charter-updates", Samples.CharterUpdate(updatedOn: "2024-09-10"));
        var after = await agencyFp.GetJsonAsync($"/api/v1/offices/{_agencies[0]}/checklist?fiscalYear=2024-25&quarter=1");

        JsonElement Item(JsonElement list, string code) => list.GetProperty("items").EnumerateArray().Single(i => i.Str("indicatorCode") == code);
        Assert.Multiple(() =>
        {
            Assert.That(before.GetProperty("items").EnumerateArray().Select(i => i.Str("indicatorCode")), Is.EqualTo(new[] { "1.1.1", "1.2.2", "1.3.2", "2.1.2", "2.2.2" }));
            Assert.That((Item(before, "1.1.1").Str("status"), Item(before, "1.1.1").Str("missing")), Is.EqualTo(("Pending", "1 charter update to record.")));
            Assert.That((Item(after, "1.1.1").Str("status"), Item(after, "1.1.1").GetProperty("missing").ValueKind), Is.EqualTo(("Done", JsonValueKind.Null)));
        });
    }

    [Test]
    public async Task A_write_shows_in_the_roll_up_at_once_and_a_rebuild_gives_the_same_numbers()
    {
        var agencyFp = await _app.AsNewUserAsync("a1.fp", Role.FocalPoint, _agencies[0]);
        var committee = await _app.AsNewUserAsync("committee", Role.MonitoringCommittee, _ministry);
        var before = await committee.GetJsonAsync($"/api/v1/offices/{_ministry}/rollup?fiscalYear=2024-25&quarter=1");

        await Record(agencyFp, _agencies[0], "charter-updates", Samples.CharterUpdate(updatedOn: "2024-09-10"));
        var after = await committee.GetJsonAsync($"/api/v1/offices/{_ministry}/rollup?fiscalYear=2024-25&quarter=1");
        await _admin.PostJsonAsync("/api/v1/admin/scores/rebuild?fiscalYear=2024-25", new { }, HttpStatusCode.OK);
        var rebuilt = await committee.GetJsonAsync($"/api/v1/offices/{_ministry}/rollup?fiscalYear=2024-25&quarter=1");

        Assert.Multiple(() =>
        {
            // Ministry: 1.1.1, 1.2.1, 1.3.1; each agency: 1.1.1, 1.2.2, 1.3.2 → 9 items in Q1.
            Assert.That((before.GetProperty("offices").GetInt32(), before.GetProperty("expected").GetInt32(), before.GetProperty("done").GetInt32(), before.GetProperty("pending").GetInt32()),
                Is.EqualTo((3, 9, 0, 9)));
            Assert.That((after.GetProperty("done").GetInt32(), after.GetProperty("pending").GetInt32()), Is.EqualTo((1, 8)));
            // Agency A1's quarter score so far (Q1 is due on 15 October): its one recorded item, 5 of 5 = 100; the others
            // have recorded nothing and are left out of the average (12.82 once the quarter is due, over all three).
            Assert.That(after.GetProperty("averageScore").GetDecimal(), Is.EqualTo(100m));
            Assert.That(after.GetProperty("scoredOffices").GetInt32(), Is.EqualTo(1));
            Assert.That(rebuilt.GetRawText(), Is.EqualTo(after.GetRawText()));
        });
    }

    [Test]
    public async Task Edits_and_withdrawals_keep_the_read_model_equal_to_a_rebuild_from_the_records()
    {
        // A write refreshes scores from tallies of the records (db 0018); a rebuild reads every record.
        var ministryFp = await _app.AsNewUserAsync("mopa.fp", Role.FocalPoint, _ministry);
        var committee = await _app.AsNewUserAsync("committee", Role.MonitoringCommittee, _ministry);
        var first = await Record(ministryFp, _agencies[0], "charter-updates", Samples.CharterUpdate(updatedOn: "2024-08-10"));
        await Record(ministryFp, _agencies[0], "charter-updates", Samples.CharterUpdate(updatedOn: "2024-09-10").With("hasEvidence", false));
        var third = await Record(ministryFp, _agencies[1], "charter-updates", Samples.CharterUpdate(updatedOn: "2024-09-11"));
        await Record(ministryFp, _agencies[1], "trainings", Samples.Training(heldOn: "2024-09-05"));
        // Each agency is left with an update without evidence: the first agency's with evidence is withdrawn, the
        // other agency's loses its evidence in an edit.
        await ministryFp.PostJsonAsync($"/api/v1/charter-updates/{first.Id()}/withdraw", new { reason = "Entered twice", version = 1 }, HttpStatusCode.OK);
        await ministryFp.PutJsonAsync($"/api/v1/charter-updates/{third.Id()}", Samples.CharterUpdate(updatedOn: "2024-09-11").With("hasEvidence", false).With("version", 1), HttpStatusCode.OK);

        async Task<string> ReadModel() => string.Join("\n", await Task.WhenAll(new[] { "&quarter=1", "&quarter=2", "" }.Select(async period =>
            (await committee.GetJsonAsync($"/api/v1/offices/{_ministry}/rollup?fiscalYear=2024-25{period}")).GetRawText()
            + (await committee.GetJsonAsync($"/api/v1/offices/{_ministry}/ranking?fiscalYear=2024-25{period}")).GetRawText())));
        var written = await ReadModel();
        await _admin.PostJsonAsync("/api/v1/admin/scores/rebuild?fiscalYear=2024-25", new { }, HttpStatusCode.OK);

        Assert.That(written, Is.EqualTo(await ReadModel()));
        var card = await committee.GetJsonAsync($"/api/v1/offices/{_agencies[1]}/scorecard?fiscalYear=2024-25&quarter=1");
        Assert.That(Indicator(card, "1.1.1").GetProperty("score").GetDecimal(), Is.EqualTo(0m), "an update without evidence scores nothing");
    }

    [Test]
    public async Task Items_not_recorded_by_their_due_date_show_as_missed_in_the_roll_up_and_late_once_recorded()
    {
        _app.Clock.SetDhakaDate(2024, 10, 20);
        _app.ForgetSignIns();
        var agencyFp = await _app.AsNewUserAsync("a1.fp", Role.FocalPoint, _agencies[0]);
        var admin = await _app.AsAdminAsync();

        var missed = await admin.GetJsonAsync($"/api/v1/offices/{_agencies[0]}/rollup?fiscalYear=2024-25&quarter=1");
        await Record(agencyFp, _agencies[0], "charter-updates", Samples.CharterUpdate(updatedOn: "2024-09-10"));
        var late = await admin.GetJsonAsync($"/api/v1/offices/{_agencies[0]}/rollup?fiscalYear=2024-25&quarter=1");

        Assert.That((missed.GetProperty("missed").GetInt32(), missed.GetProperty("late").GetInt32()), Is.EqualTo((3, 0)));
        Assert.That((late.GetProperty("missed").GetInt32(), late.GetProperty("late").GetInt32()), Is.EqualTo((2, 1)));
    }

    [Test]
    public async Task A_reorganisation_mid_year_leaves_the_past_quarters_unchanged()
    {
        var ministryFp = await _app.AsNewUserAsync("mopa.fp", Role.FocalPoint, _ministry);
        var agencyFp = await _app.AsNewUserAsync("a1.fp", Role.FocalPoint, _agencies[0]);
        await Record(agencyFp, _agencies[0], "charter-updates", Samples.CharterUpdate(updatedOn: "2024-09-10"));
        await Record(ministryFp, _ministry, "charter-updates", Samples.CharterUpdate(updatedOn: "2024-09-10"));
        var q1Before = await _admin.GetJsonAsync($"/api/v1/offices/{_ministry}/scorecard?fiscalYear=2024-25&quarter=1");
        var rollupBefore = await _admin.GetJsonAsync($"/api/v1/offices/{_ministry}/rollup?fiscalYear=2024-25&quarter=1");

        // A2 moves to another ministry from 1 October (Q2).
        var other = await new Given(_app).OfficeAsync("OTHER", kind: CharterTracker.Offices.OfficeKind.Ministry);
        await _admin.PostJsonAsync($"/api/v1/offices/{_agencies[1]}/move", new { newParentId = other, effectiveOn = "2024-10-01" }, HttpStatusCode.OK);

        var q1After = await _admin.GetJsonAsync($"/api/v1/offices/{_ministry}/scorecard?fiscalYear=2024-25&quarter=1");
        var rollupAfter = await _admin.GetJsonAsync($"/api/v1/offices/{_ministry}/rollup?fiscalYear=2024-25&quarter=1");
        var q2 = await _admin.GetJsonAsync($"/api/v1/offices/{_ministry}/rollup?fiscalYear=2024-25&quarter=2");

        Assert.Multiple(() =>
        {
            Assert.That(q1After.GetRawText(), Is.EqualTo(q1Before.GetRawText()));
            Assert.That(rollupAfter.GetRawText(), Is.EqualTo(rollupBefore.GetRawText()));
            Assert.That(Indicator(q1After, "1.2.1").GetProperty("actual").GetDecimal(), Is.EqualTo(50m), "one of the two agencies it had on 1 July");
            Assert.That(q2.GetProperty("offices").GetInt32(), Is.EqualTo(2), "the ministry and A1 from Q2 on");
        });

        // The next write is refreshed over the tree as moved (the refresh reads the tree from a copy in memory, which
        // must follow the move): A2's Q2 update counts for its new ministry's 1.2.1, as a rebuild from the records says.
        _app.Clock.SetDhakaDate(2024, 11, 20);
        _app.ForgetSignIns();
        var a2Fp = await _app.AsNewUserAsync("a2.fp", Role.FocalPoint, _agencies[1]);
        var admin = await _app.AsAdminAsync();
        await Record(a2Fp, _agencies[1], "charter-updates", Samples.CharterUpdate(quarter: 2, updatedOn: "2024-10-15"));
        async Task<string> OtherQ2() =>
            (await admin.GetJsonAsync($"/api/v1/offices/{other}/scorecard?fiscalYear=2024-25&quarter=2")).GetRawText()
            + (await admin.GetJsonAsync($"/api/v1/offices/{other}/rollup?fiscalYear=2024-25&quarter=2")).GetRawText();
        var written = await OtherQ2();
        await admin.PostJsonAsync("/api/v1/admin/scores/rebuild?fiscalYear=2024-25", new { }, HttpStatusCode.OK);
        Assert.That(written, Is.EqualTo(await OtherQ2()));
        Assert.That(written, Does.Contain("\"done\":"));
    }

    [Test]
    public async Task A_record_of_the_other_variant_is_refused_with_a_reason()
    {
        var ministryFp = await _app.AsNewUserAsync("mopa.fp", Role.FocalPoint, _ministry);

        var meeting = await ministryFp.PostJsonAsync($"/api/v1/offices/{_ministry}/meetings", Samples.Meeting().With("kind", "StakeholderAwareness"), HttpStatusCode.Conflict);
        var report = await ministryFp.PostJsonAsync($"/api/v1/offices/{_ministry}/reports", Samples.Report(submittedOn: "2024-09-20"), HttpStatusCode.Conflict);

        Assert.That(meeting.Str("detail"), Does.Contain("has subordinate offices").And.Contain("1.2.2").And.Contain("1.2.1"));
        Assert.That(report.Str("detail"), Does.Contain("1.3.2").And.Contain("1.3.1"));
        Assert.That(Sql.Count(_app, "Meetings") + Sql.Count(_app, "Reports"), Is.Zero);
    }

    [Test]
    public async Task An_office_opened_mid_quarter_cannot_record_for_that_quarter()
    {
        var late = await new Given(_app).OfficeAsync("LATE", _agencies[0], activeFrom: "2024-08-01");
        var admin = await _app.AsAdminAsync();

        var problem = await admin.PostJsonAsync($"/api/v1/offices/{late}/charter-updates", Samples.CharterUpdate(updatedOn: "2024-09-10"), HttpStatusCode.Conflict);

        Assert.That(problem.Str("detail"), Does.Contain("not part of the office tree on the first day of 2024-25 Q1"));
    }

    [Test]
    public async Task A_locked_period_refuses_records_until_the_parent_office_grants_an_exception()
    {
        _app.Clock.SetDhakaDate(2024, 11, 20);
        _app.ForgetSignIns();
        var agencyFp = await _app.AsNewUserAsync("a1.fp", Role.FocalPoint, _agencies[0]);
        var ministryFp = await _app.AsNewUserAsync("mopa.fp", Role.FocalPoint, _ministry);

        var locked = await agencyFp.PostJsonAsync($"/api/v1/offices/{_agencies[0]}/charter-updates", Samples.CharterUpdate(updatedOn: "2024-09-10"), HttpStatusCode.Conflict);
        await agencyFp.PostJsonAsync($"/api/v1/offices/{_agencies[0]}/lock-exceptions",
            new { fiscalYear = "2024-25", quarter = 1, openUntil = "2024-11-30", reason = "Portal outage" }, HttpStatusCode.Forbidden);
        await ministryFp.PostJsonAsync($"/api/v1/offices/{_agencies[0]}/lock-exceptions",
            new { fiscalYear = "2024-25", quarter = 1, openUntil = "2024-11-30", reason = "Portal outage" }, HttpStatusCode.OK);
        var reopened = await agencyFp.PostJsonAsync($"/api/v1/offices/{_agencies[0]}/charter-updates", Samples.CharterUpdate(updatedOn: "2024-09-10"), HttpStatusCode.Created);

        Assert.That(locked.Str("detail"), Does.Contain("locked after 2024-11-14"));
        Assert.That(reopened.Str("recordedOn"), Is.EqualTo("2024-11-20"));
    }

    [Test]
    public async Task The_committee_overrides_a_score_with_a_remark_and_the_computed_value_stays_visible()
    {
        var agencyFp = await _app.AsNewUserAsync("a1.fp", Role.FocalPoint, _agencies[0]);
        var committee = await _app.AsNewUserAsync("committee", Role.MonitoringCommittee, _ministry);
        await Record(agencyFp, _agencies[0], "charter-updates", Samples.CharterUpdate(updatedOn: "2024-09-10"));
        var body = new { fiscalYear = "2024-25", quarter = 1, indicatorCode = "1.1.1", score = 2.5, remark = "Upload not found on the portal" };

        await agencyFp.PostJsonAsync($"/api/v1/offices/{_agencies[0]}/score-overrides", body, HttpStatusCode.Forbidden);
        await committee.PostJsonAsync($"/api/v1/offices/{_agencies[0]}/score-overrides", body, HttpStatusCode.OK);
        var indicator = Indicator(await committee.GetJsonAsync($"/api/v1/offices/{_agencies[0]}/scorecard?fiscalYear=2024-25&quarter=1"), "1.1.1");
        var tooHigh = await committee.PostJsonAsync($"/api/v1/offices/{_agencies[0]}/score-overrides", new { fiscalYear = "2024-25", quarter = 1, indicatorCode = "1.1.1", score = 6, remark = "x" }, HttpStatusCode.BadRequest);

        Assert.Multiple(() =>
        {
            Assert.That(indicator.GetProperty("score").GetDecimal(), Is.EqualTo(2.5m));
            Assert.That(indicator.GetProperty("computedScore").GetDecimal(), Is.EqualTo(5m));
            Assert.That(indicator.GetProperty("override").Str("remark"), Is.EqualTo("Upload not found on the portal"));
            Assert.That(tooHigh.ErrorFields(), Is.EqualTo(new[] { "score" }));
            Assert.That(Sql.Count(_app, "AuditLog", "Action = 'OverrideScore' AND Outcome = 'Succeeded' AND Username = 'committee'"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_scorecard_without_a_fiscal_year_is_the_running_years_and_a_malformed_one_is_a_400_naming_it()
    {
        var card = await _admin.GetJsonAsync($"/api/v1/offices/{_ministry}/scorecard");
        var problem = await _admin.GetJsonAsync($"/api/v1/offices/{_ministry}/scorecard?fiscalYear=2024-2025", HttpStatusCode.BadRequest);

        Assert.Multiple(() =>
        {
            Assert.That(card.Str("fiscalYear"), Is.EqualTo("2024-25"));
            Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "fiscalYear" }));
        });
    }
}
