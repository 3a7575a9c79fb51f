using System.Net;
using CharterTracker.Access;
using CharterTracker.Deadlines;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Deadlines;

/// <summary>The nightly sweep: Missed flags exactly after the due day ends in Dhaka, Late once recorded, idempotent, catching up.</summary>
public sealed class FlagMissedDeadlinesTests
{
    private TestApp _app = null!;
    private long _agency;

    [SetUp]
    public async Task Start()
    {
        // The real job storage (Hangfire on SQLite), for the runs through the job server below.
        _app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { [TestApp.RealJobStorage] = "true" });
        _agency = await new Given(_app).OfficeAsync("AGENCY");
    }

    [TearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private Task<MissedDeadlinesSwept> Sweep(DateTimeOffset asOf) => _app.SendAsSystemAsync(new FlagMissedDeadlinesCommand { AsOf = asOf });

    private sealed record Flag(string IndicatorCode, long Quarter, string DueOn, string? ResolvedOn);

    private IReadOnlyList<Flag> Flags() =>
        Sql.Query<Flag>(_app, "SELECT IndicatorCode, Quarter, DueOn, ResolvedOn FROM MissedFlags WHERE OfficeId = @_agency ORDER BY Quarter, IndicatorCode", new { _agency });

    [Test]
    public async Task A_Q1_item_due_15_October_is_missed_from_the_first_instant_of_16_October_in_Dhaka()
    {
        var lastSecond = await Sweep(DateTimeOffset.Parse("2024-10-15T17:59:59Z"));
        var flagsBefore = Flags();
        var midnight = await Sweep(DateTimeOffset.Parse("2024-10-15T18:00:00Z"));

        Assert.Multiple(() =>
        {
            Assert.That((lastSecond.Today, lastSecond.Flagged), Is.EqualTo((new DateOnly(2024, 10, 15), 0)), "23:59:59 in Dhaka is still the due day");
            Assert.That(flagsBefore, Is.Empty);
            Assert.That((midnight.Today, midnight.Flagged), Is.EqualTo((new DateOnly(2024, 10, 16), 3)));
            Assert.That(Flags().Select(f => (f.IndicatorCode, f.Quarter, f.DueOn, f.ResolvedOn)), Is.EqualTo(new (string, long, string, string?)[]
            {
                ("1.1.1", 1, "2024-10-15", null), ("1.2.2", 1, "2024-10-15", null), ("1.3.2", 1, "2024-10-15", null),
            }));
        });
    }

    [Test]
    public async Task A_record_logged_after_the_flag_turns_the_missed_item_into_late()
    {
        await Sweep(SystemCommands.Dhaka(2024, 10, 16, 0, 5));
        _app.Clock.SetDhakaDate(2024, 10, 20);
        _app.ForgetSignIns();
        var focalPoint = await _app.AsNewUserAsync("agency.fp", Role.FocalPoint, _agency);
        await focalPoint.PostJsonAsync($"/api/v1/offices/{_agency}/charter-updates", Samples.CharterUpdate(updatedOn: "2024-09-10"), HttpStatusCode.Created);

        var sweep = await Sweep(SystemCommands.Dhaka(2024, 10, 21, 0, 5));
        var deadlines = (await focalPoint.GetJsonAsync($"/api/v1/offices/{_agency}/deadlines?fiscalYear=2024-25")).EnumerateArray()
            .Where(d => d.GetProperty("quarter").ValueKind == System.Text.Json.JsonValueKind.Number && d.GetProperty("quarter").GetInt32() == 1)
            .ToDictionary(d => d.Str("indicatorCode"), d => d.Str("status"));

        Assert.Multiple(() =>
        {
            Assert.That((sweep.Flagged, sweep.Resolved), Is.EqualTo((0, 1)));
            Assert.That(Flags().Single(f => f.IndicatorCode == "1.1.1").ResolvedOn, Is.EqualTo("2024-10-20"), "resolved on the day it was recorded");
            Assert.That(Flags().Where(f => f.IndicatorCode != "1.1.1").Select(f => f.ResolvedOn), Is.All.Null);
            Assert.That(deadlines, Is.EqualTo(new Dictionary<string, string> { ["1.1.1"] = "Late", ["1.2.2"] = "Missed", ["1.3.2"] = "Missed" }));
        });
    }

    [Test]
    public async Task A_withdrawn_late_record_makes_the_item_missed_again()
    {
        await Sweep(SystemCommands.Dhaka(2024, 10, 16, 0, 5));
        _app.Clock.SetDhakaDate(2024, 10, 20);
        _app.ForgetSignIns();
        var focalPoint = await _app.AsNewUserAsync("agency.fp", Role.FocalPoint, _agency);
        var update = await focalPoint.PostJsonAsync($"/api/v1/offices/{_agency}/charter-updates", Samples.CharterUpdate(updatedOn: "2024-09-10"), HttpStatusCode.Created);
        await Sweep(SystemCommands.Dhaka(2024, 10, 20, 23, 0));
        await focalPoint.PostJsonAsync($"/api/v1/charter-updates/{update.Id()}/withdraw", new { reason = "Entered for the wrong office", version = 1 }, HttpStatusCode.OK);

        var sweep = await Sweep(SystemCommands.Dhaka(2024, 10, 21, 0, 5));

        Assert.That((sweep.Flagged, sweep.Resolved, sweep.Reopened), Is.EqualTo((0, 0, 1)));
        Assert.That(Flags().Single(f => f.IndicatorCode == "1.1.1").ResolvedOn, Is.Null);
    }

    [Test]
    public async Task Running_the_sweep_twice_adds_nothing()
    {
        var first = await Sweep(SystemCommands.Dhaka(2024, 10, 16, 0, 5));
        var rows = Sql.Count(_app, "MissedFlags");
        var second = await Sweep(SystemCommands.Dhaka(2024, 10, 16, 0, 5));
        var later = await Sweep(SystemCommands.Dhaka(2024, 10, 30));

        Assert.Multiple(() =>
        {
            Assert.That(first.Flagged, Is.EqualTo(3));
            Assert.That((second.Flagged, second.Resolved, second.Reopened), Is.EqualTo((0, 0, 0)));
            Assert.That((later.Flagged, later.Resolved, later.Reopened), Is.EqualTo((0, 0, 0)));
            Assert.That(Sql.Count(_app, "MissedFlags"), Is.EqualTo(rows));
        });
    }

    [Test]
    public async Task Through_the_job_server_the_sweep_flags_the_missed_items_once_and_a_second_run_adds_nothing()
    {
        _app.Clock.SetDhakaDate(2024, 10, 20);
        _app.ForgetSignIns();
        var admin = await _app.AsAdminAsync();

        var first = await Jobs.WaitForAsync(admin, await Jobs.RunAsync(admin, "flag-missed-deadlines"));
        var second = await Jobs.WaitForAsync(admin, await Jobs.RunAsync(admin, "flag-missed-deadlines"));

        Assert.Multiple(() =>
        {
            Assert.That((first.Str("status"), first.GetProperty("processed").GetInt32()), Is.EqualTo(("Succeeded", 3)));
            Assert.That((second.Str("status"), second.GetProperty("processed").GetInt32()), Is.EqualTo(("Succeeded", 0)));
            Assert.That(Sql.Count(_app, "MissedFlags"), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task A_run_after_a_three_month_outage_flags_everything_owed_in_every_past_period()
    {
        var (ministry, agencies) = await new Given(_app).MinistryWithAsync(2);
        await Sweep(SystemCommands.Dhaka(2024, 10, 2)); // the last run before the outage: nothing due yet

        // Down from early October to late January: Q1 (due 15 Oct) and Q2 (due 15 Jan) both passed unseen.
        var sweep = await Sweep(SystemCommands.Dhaka(2025, 1, 20, 0, 5));

        var perQuarter = Sql.Query<(long OfficeId, long Quarter, long Count)>(_app,
            "SELECT OfficeId, Quarter, COUNT(*) FROM MissedFlags GROUP BY OfficeId, Quarter ORDER BY OfficeId, Quarter");
        Assert.Multiple(() =>
        {
            // Four offices (AGENCY, the ministry, its two agencies), three quarterly items each, two quarters.
            Assert.That(sweep.Flagged, Is.EqualTo(4 * 3 * 2));
            Assert.That(perQuarter.Select(r => r.OfficeId).Distinct(), Is.EquivalentTo(new[] { _agency, ministry, agencies[0], agencies[1] }));
            Assert.That(perQuarter.Select(r => (r.Quarter, r.Count)).Distinct(), Is.EquivalentTo(new[] { (1L, 3L), (2L, 3L) }));
            Assert.That(Sql.Count(_app, "MissedFlags", "DueOn >= '2025-04-15'"), Is.Zero, "Q3 is not due yet");
        });
    }
}
