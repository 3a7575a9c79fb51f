using System.Net;
using CharterTracker.Access;
using CharterTracker.Deadlines;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Deadlines;

/// <summary>Reminders before the due date, overdue notices and escalations: one digest per recipient per run, each notice once.</summary>
public sealed class SendRemindersTests
{
    private TestApp _app = null!;
    private long _ministry;
    private long _agency;

    [SetUp]
    public async Task Start()
    {
        // The real job storage (Hangfire on SQLite), for the runs through the job server below.
        _app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { [TestApp.RealJobStorage] = "true" });
        var (ministry, agencies) = await new Given(_app).MinistryWithAsync(1);
        (_ministry, _agency) = (ministry, agencies[0]);
    }

    [TearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private Task<RemindersSent> Remind(DateTimeOffset asOf) => _app.SendAsSystemAsync(new SendRemindersCommand { AsOf = asOf });

    private sealed record Message(long Id, string Username, string? Email, string Subject, string Body);

    private IReadOnlyList<Message> Outbox(string? username = null) => Sql.Query<Message>(_app,
        "SELECT m.Id, u.Username, m.Email, m.Subject, m.Body FROM Outbox m JOIN Users u ON u.Id = m.UserId WHERE @username IS NULL OR u.Username = @username ORDER BY m.Id",
        new { username });

    [Test]
    public async Task Focal_points_are_reminded_7_days_and_1_day_before_the_due_date_once_each()
    {
        await _app.UserAsync("agency.fp", Role.FocalPoint, _agency);
        var other = await new Given(_app).OfficeAsync("OTHER");
        var roving = await _app.UserAsync("roving.fp", Role.FocalPoint, other);
        var admin = await _app.AsAdminAsync();
        await admin.PostJsonAsync($"/api/v1/offices/{_agency}/focal-points", new { userId = roving, validFrom = "2024-07-01" }, HttpStatusCode.Created);
        // 1.1.1 of Q1 is already recorded: no reminder for it.
        await (await _app.SignInAsync("agency.fp")).PostJsonAsync($"/api/v1/offices/{_agency}/charter-updates", Samples.CharterUpdate(updatedOn: "2024-08-10"), HttpStatusCode.Created);

        var weekBefore = await Remind(SystemCommands.Dhaka(2024, 10, 8, 9));
        var again = await Remind(SystemCommands.Dhaka(2024, 10, 8, 9));
        var threeDaysBefore = await Remind(SystemCommands.Dhaka(2024, 10, 12, 9));
        var dayBefore = await Remind(SystemCommands.Dhaka(2024, 10, 14, 9));
        var dueDay = await Remind(SystemCommands.Dhaka(2024, 10, 15, 9));

        var agencyMessages = Outbox("agency.fp");
        Assert.Multiple(() =>
        {
            Assert.That((again.Notices, again.Digests, threeDaysBefore.Notices, dueDay.Notices), Is.EqualTo((0, 0, 0, 0)), "nothing is sent twice");
            Assert.That(agencyMessages, Has.Count.EqualTo(2), "one digest at 7 days, one at 1 day");
            Assert.That(agencyMessages[0].Subject, Is.EqualTo("CharterTracker: 2 items need your attention"));
            Assert.That(agencyMessages[0].Body, Does.Contain("Due within 7 days:")
                .And.Contain("[1.2.2] 2024-25 Q1 — Office MIN-A1 (MIN-A1) — due 2024-10-15 (in 7 days)")
                .And.Contain("[1.3.2] 2024-25 Q1")
                .And.Not.Contain("[1.1.1]"));
            Assert.That(agencyMessages[1].Body, Does.Contain("Due within 1 day:").And.Contain("(in 1 day)").And.Not.Contain("[1.1.1]"));
            Assert.That(agencyMessages.Select(m => m.Email), Is.All.EqualTo(People.EmailOf("agency.fp")));

            // The assigned focal point hears about the agency it is assigned to and about its own office, in one digest per run.
            var roving = Outbox("roving.fp");
            Assert.That(roving, Has.Count.EqualTo(2));
            Assert.That(roving[0].Body, Does.Contain("(MIN-A1)").And.Contain("(OTHER)"));
            Assert.That(weekBefore.Digests, Is.EqualTo(2), "agency.fp and roving.fp; the ministry has no focal point");
            Assert.That(dayBefore.Digests, Is.EqualTo(2));
            Assert.That(Sql.Count(_app, "NotificationsSent", "Kind = 'Reminder7'") + Sql.Count(_app, "NotificationsSent", "Kind = 'Reminder1'"),
                Is.EqualTo(weekBefore.Notices + dayBefore.Notices));
        });
    }

    [Test]
    public async Task An_overdue_item_gets_a_notice_and_after_7_days_an_escalation_to_the_parents_focal_point_and_the_committee()
    {
        await _app.UserAsync("agency.fp", Role.FocalPoint, _agency);
        await _app.UserAsync("ministry.fp", Role.FocalPoint, _ministry);
        await _app.UserAsync("committee", Role.MonitoringCommittee, _ministry, language: "bn");

        var overdue = await Remind(SystemCommands.Dhaka(2024, 10, 16, 9));
        var sixDays = await Remind(SystemCommands.Dhaka(2024, 10, 21, 9));
        var sevenDays = await Remind(SystemCommands.Dhaka(2024, 10, 22, 9));
        var after = await Remind(SystemCommands.Dhaka(2024, 10, 23, 9));

        var agency = Outbox("agency.fp");
        var ministry = Outbox("ministry.fp");
        var committee = Outbox("committee");
        Assert.Multiple(() =>
        {
            Assert.That((overdue.Digests, sixDays.Notices, after.Notices), Is.EqualTo((2, 0, 0)), "overdue notices to the two offices' focal points; nothing new until day 7; nothing after");
            Assert.That(agency, Has.Count.EqualTo(1), "the agency's focal point is told once, and not escalated to");
            Assert.That(agency[0].Body, Does.Contain("Overdue, nothing recorded:").And.Contain("[1.1.1] 2024-25 Q1 — Office MIN-A1 (MIN-A1) — due 2024-10-15 (1 day overdue)"));

            Assert.That(ministry, Has.Count.EqualTo(2), "its own overdue items, then the agency's escalation");
            Assert.That(ministry[1].Body, Does.Contain("Overdue at offices under you:").And.Contain("(MIN-A1) — due 2024-10-15 (7 days overdue)").And.Not.Contain("(MIN) —"));
            Assert.That(ministry[1].Subject, Is.EqualTo("CharterTracker: 3 items need your attention"));

            Assert.That(committee, Has.Count.EqualTo(1), "the committee hears only of escalations: the agency's and the ministry's own");
            Assert.That(committee[0].Subject, Is.EqualTo("সেবা প্রদান প্রতিশ্রুতি: ৬টি বিষয়ে আপনার দৃষ্টি প্রয়োজন"));
            Assert.That(committee[0].Body, Does.Contain("অধীন দপ্তরে সময়সীমা পেরিয়ে গেছে:").And.Contain("(MIN-A1)").And.Contain("(MIN)").And.Contain("[১.১.১] ২০২৪-২৫ ১ম প্রান্তিক"));
            Assert.That(sevenDays.Digests, Is.EqualTo(2));
            Assert.That(Sql.Count(_app, "NotificationsSent", "Kind = 'Escalation'"), Is.EqualTo(3 + 6));
        });
    }

    [Test]
    public async Task Through_the_job_server_overdue_notices_go_out_once_however_often_the_job_runs()
    {
        await _app.UserAsync("agency.fp", Role.FocalPoint, _agency);
        await _app.UserAsync("ministry.fp", Role.FocalPoint, _ministry);
        _app.Clock.SetDhakaDate(2024, 10, 16);
        _app.ForgetSignIns();
        var admin = await _app.AsAdminAsync();

        // Asked for together: the job's lock runs them one after the other, and the second finds nothing owed.
        var runIds = new[] { await Jobs.RunAsync(admin, "send-reminders"), await Jobs.RunAsync(admin, "send-reminders") };
        var runs = new List<System.Text.Json.JsonElement>();
        foreach (var runId in runIds) runs.Add(await Jobs.WaitForAsync(admin, runId));

        Assert.Multiple(() =>
        {
            Assert.That(runs.Select(r => r.Str("status")), Is.All.EqualTo("Succeeded"));
            Assert.That(runs.Sum(r => r.GetProperty("processed").GetInt32()), Is.EqualTo(6), "the 6 overdue notices, each once");
            Assert.That(Sql.Count(_app, "NotificationsSent"), Is.EqualTo(6));
            Assert.That(Outbox().GroupBy(m => m.Username).Select(g => g.Count()), Is.All.EqualTo(1), "one digest per recipient");
        });
    }

    [Test]
    public async Task Two_runs_at_once_in_two_scopes_send_nothing_twice()
    {
        await _app.UserAsync("agency.fp", Role.FocalPoint, _agency);
        await _app.UserAsync("ministry.fp", Role.FocalPoint, _ministry);
        var asOf = SystemCommands.Dhaka(2024, 10, 16, 9);

        var runs = await Task.WhenAll(Remind(asOf), Remind(asOf));

        Assert.Multiple(() =>
        {
            Assert.That(runs.Sum(r => r.Notices), Is.EqualTo(6), "each of the 6 overdue notices claimed by exactly one run");
            Assert.That(runs.Sum(r => r.Digests), Is.EqualTo(2));
            Assert.That(Sql.Count(_app, "NotificationsSent"), Is.EqualTo(6));
            Assert.That(Outbox().GroupBy(m => m.Username).Select(g => g.Count()), Is.All.EqualTo(1), "one digest per recipient");
        });
    }

    [Test]
    public async Task Two_app_instances_on_one_database_send_nothing_twice()
    {
        await _app.UserAsync("agency.fp", Role.FocalPoint, _agency);
        await _app.UserAsync("ministry.fp", Role.FocalPoint, _ministry);
        await _app.UserAsync("committee", Role.MonitoringCommittee, _ministry);
        await using var second = await TestApp.StartAsync(_app.Clock, _app.Directory);
        var asOf = SystemCommands.Dhaka(2024, 10, 22, 9);

        var runs = await Task.WhenAll(
            _app.SendAsSystemAsync(new SendRemindersCommand { AsOf = asOf }),
            second.SendAsSystemAsync(new SendRemindersCommand { AsOf = asOf }),
            _app.SendAsSystemAsync(new SendRemindersCommand { AsOf = asOf }),
            second.SendAsSystemAsync(new SendRemindersCommand { AsOf = asOf }));

        Assert.Multiple(() =>
        {
            // Overdue: 3 + 3; escalations: 3 to the ministry's focal point, 6 to the committee.
            Assert.That(runs.Sum(r => r.Notices), Is.EqualTo(15));
            Assert.That(Sql.Count(_app, "NotificationsSent"), Is.EqualTo(15));
            Assert.That(Outbox().Select(m => m.Username), Is.EquivalentTo(new[] { "agency.fp", "ministry.fp", "committee" }), "one digest each, whichever node wrote it");
        });
    }
}
