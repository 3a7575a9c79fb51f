using System.Net;
using System.Text.Json;
using CharterTracker.Access;
using CharterTracker.Tests.Support;
using Microsoft.Data.Sqlite;

namespace CharterTracker.Tests.Scheduling;

/// <summary>Running a job through the admin API and following its run, on Hangfire with its real SQLite storage.</summary>
[NonParallelizable]
public sealed class JobsApiTests
{
    private TestApp _app = null!;

    [TearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private async Task<HttpClient> StartWithMissedItems(IDictionary<string, string?>? settings = null)
    {
        settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { [TestApp.RealJobStorage] = "true" };
        _app = await TestApp.StartAsync(TestClock.At(2024, 10, 20), settings: settings);
        await new Given(_app).OfficeAsync("AGENCY");
        return await _app.AsAdminAsync();
    }

    [Test]
    public async Task Running_flag_missed_deadlines_with_the_scheduler_off_succeeds_with_items_processed()
    {
        var admin = await StartWithMissedItems();

        var runId = await Jobs.RunAsync(admin, "flag-missed-deadlines");
        var run = await Jobs.WaitForAsync(admin, runId);

        Assert.Multiple(() =>
        {
            Assert.That(run.GetProperty("runId").GetInt64(), Is.EqualTo(runId));
            Assert.That(run.Str("status"), Is.EqualTo("Succeeded"));
            Assert.That(run.GetProperty("processed").GetInt32(), Is.EqualTo(3), "the agency's three Q1 items, due 15 Oct");
            Assert.That(run.Str("triggeredAt"), Is.EqualTo("2024-10-20T06:00:00Z"), "judged as of the moment it was asked for, on the app's clock");
            Assert.That(run.GetProperty("startedAt").GetDateTime(), Is.LessThanOrEqualTo(run.GetProperty("finishedAt").GetDateTime()));
            Assert.That(run.GetProperty("attempt").GetInt32(), Is.EqualTo(1));
            Assert.That(run.GetProperty("error").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(Sql.Count(_app, "MissedFlags"), Is.EqualTo(3));
            Assert.That(File.Exists(Path.Combine(_app.Directory, "hangfire.db")), "Hangfire's SQLite file beside the application's");
        });
    }

    [Test]
    public async Task Running_jobs_with_the_scheduler_on_succeeds_on_this_node()
    {
        var admin = await StartWithMissedItems(new Dictionary<string, string?> { ["Charter:Scheduling:Enabled"] = "true" });

        var run = await Jobs.WaitForAsync(admin, await Jobs.RunAsync(admin, "flag-missed-deadlines"));
        var reminders = await Jobs.WaitForAsync(admin, await Jobs.RunAsync(admin, "send-reminders"));

        Assert.Multiple(() =>
        {
            Assert.That((run.Str("status"), run.GetProperty("processed").GetInt32()), Is.EqualTo(("Succeeded", 3)));
            Assert.That(run.Str("node"), Does.StartWith(Environment.MachineName).IgnoreCase);
            Assert.That((reminders.Str("status"), reminders.GetProperty("processed").GetInt32()), Is.EqualTo(("Succeeded", 0)), "nobody to remind");
        });
    }

    [Test]
    public async Task A_failing_run_is_retried_by_Hangfire_and_its_failure_stays_visible()
    {
        var admin = await StartWithMissedItems(new Dictionary<string, string?>
        {
            ["Charter:Scheduling:MaxAttempts"] = "4",
            ["Charter:Scheduling:RetryDelay"] = "00:00:01",
        });
        Execute("ALTER TABLE MissedFlags RENAME TO MissedFlagsAway");

        var runId = await Jobs.RunAsync(admin, "flag-missed-deadlines");
        var failed = await Jobs.WaitForAsync(admin, runId, run => run.GetProperty("error").ValueKind == JsonValueKind.String);
        Execute("ALTER TABLE MissedFlagsAway RENAME TO MissedFlags");
        var succeeded = await Jobs.WaitForAsync(admin, runId);

        Assert.Multiple(() =>
        {
            Assert.That(failed.Str("status"), Is.AnyOf("Queued", "Running"), "a failed attempt with retries left waits for its retry");
            Assert.That(failed.Str("error"), Does.Contain("MissedFlags"));
            Assert.That(succeeded.Str("status"), Is.EqualTo("Succeeded"));
            Assert.That(succeeded.GetProperty("attempt").GetInt32(), Is.GreaterThan(1));
            Assert.That(succeeded.GetProperty("processed").GetInt32(), Is.EqualTo(3));
            Assert.That(succeeded.Str("error"), Does.Contain("MissedFlags"), "the failed attempt is still visible on the run");
        });
    }

    [Test]
    public async Task A_run_that_fails_every_attempt_ends_Failed()
    {
        var admin = await StartWithMissedItems(new Dictionary<string, string?>
        {
            ["Charter:Scheduling:MaxAttempts"] = "2",
            ["Charter:Scheduling:RetryDelay"] = "00:00:01",
        });
        Execute("ALTER TABLE MissedFlags RENAME TO MissedFlagsAway");

        var run = await Jobs.WaitForAsync(admin, await Jobs.RunAsync(admin, "flag-missed-deadlines"));

        Assert.Multiple(() =>
        {
            Assert.That((run.Str("status"), run.GetProperty("attempt").GetInt32()), Is.EqualTo(("Failed", 2)));
            Assert.That(run.Str("error"), Does.Contain("MissedFlags"));
            Assert.That(run.GetProperty("finishedAt").ValueKind, Is.EqualTo(JsonValueKind.String));
        });
    }

    [Test]
    public async Task Only_a_system_administrator_runs_jobs_and_an_unknown_job_is_404()
    {
        var admin = await StartWithMissedItems();
        var office = await new Given(_app).OfficeAsync("OTHER");
        var focalPoint = await _app.AsNewUserAsync("fp", Role.FocalPoint, office);

        var forbidden = await focalPoint.PostAsync("/api/v1/admin/jobs/flag-missed-deadlines/run", null);
        var unknown = await admin.PostAsync("/api/v1/admin/jobs/make-coffee/run", null);
        var missingRun = await admin.GetAsync("/api/v1/admin/jobs/runs/999");
        var impossibleRun = await admin.GetAsync($"/api/v1/admin/jobs/runs/{long.MaxValue}");

        Assert.Multiple(() =>
        {
            Assert.That(forbidden.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(unknown.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(missingRun.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(impossibleRun.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "beyond a SQLite job id");
            Assert.That(Jobs.RunCount(_app), Is.Zero, "a refused request queues nothing");
        });
        var problem = await unknown.JsonAsync(HttpStatusCode.NotFound);
        Assert.That(problem.Str("detail"), Does.Contain("make-coffee").And.Contain("flag-missed-deadlines"));
    }

    [Test]
    public async Task The_job_list_shows_every_job_with_its_cron_time_zone_and_last_run()
    {
        var admin = await StartWithMissedItems();
        var runId = await Jobs.RunAsync(admin, "flag-missed-deadlines");
        await Jobs.WaitForAsync(admin, runId);

        var jobs = (await admin.GetJsonAsync("/api/v1/admin/jobs")).EnumerateArray().ToDictionary(j => j.Str("name"));
        var runs = (await admin.GetJsonAsync("/api/v1/admin/jobs/flag-missed-deadlines/runs")).EnumerateArray().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(jobs.Keys, Is.EquivalentTo(new[] { "flag-missed-deadlines", "send-reminders", "deliver-outbox" }));
            Assert.That((jobs["flag-missed-deadlines"].Str("cron"), jobs["flag-missed-deadlines"].Str("timeZone")), Is.EqualTo(("5 0 * * *", "Asia/Dhaka")));
            Assert.That(jobs["flag-missed-deadlines"].GetProperty("lastRun").GetProperty("runId").GetInt64(), Is.EqualTo(runId));
            Assert.That(jobs["send-reminders"].GetProperty("lastRun").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(jobs["send-reminders"].GetProperty("schedulerEnabled").GetBoolean(), Is.False);
            Assert.That(jobs["send-reminders"].GetProperty("nextRunAt").ValueKind, Is.EqualTo(JsonValueKind.Null), "with the scheduler off nothing fires");
            Assert.That(runs.Select(r => r.GetProperty("runId").GetInt64()), Is.EqualTo(new[] { runId }));
        });
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_app.DatabaseFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 10000; " + sql;
        command.ExecuteNonQuery();
    }
}
