using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CharterTracker.Access;
using CharterTracker.Tests.Support;
using Microsoft.Data.Sqlite;

namespace CharterTracker.Tests.Scheduling;

/// <summary>Running a job through the admin API and following its run: through Quartz, and without the scheduler.</summary>
public sealed class JobsApiTests
{
    private TestApp _app = null!;

    [TearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private async Task<HttpClient> StartWithMissedItems(IDictionary<string, string?>? settings = null)
    {
        _app = await TestApp.StartAsync(TestClock.At(2024, 10, 20), settings: settings);
        await new Given(_app).OfficeAsync("AGENCY");
        return await _app.AsAdminAsync();
    }

    private static async Task<JsonElement> RunAsync(HttpClient admin, string job)
    {
        var accepted = await admin.PostAsync($"/api/v1/admin/jobs/{job}/run", null);
        Assert.That(accepted.Headers.Location?.ToString(), Does.StartWith("/api/v1/admin/jobs/runs/"));
        return await accepted.JsonAsync(HttpStatusCode.Accepted);
    }

    /// <summary>Polls the run (following its retries) until <paramref name="done"/> holds, for at most 30 seconds.</summary>
    private static async Task<JsonElement> WaitFor(HttpClient admin, long runId, Func<JsonElement, bool> done)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var run = await admin.GetJsonAsync($"/api/v1/admin/jobs/runs/{runId}");
            if (done(run)) return run;
            if (run.GetProperty("retriedByRunId").ValueKind == JsonValueKind.Number) runId = run.GetProperty("retriedByRunId").GetInt64();
            if (watch.Elapsed > TimeSpan.FromSeconds(30)) Assert.Fail($"Run {runId} did not get there: {run}");
            await Task.Delay(50);
        }
    }

    private static bool Finished(JsonElement run) => run.Str("status") is "Succeeded" or "Failed" && run.GetProperty("retriedByRunId").ValueKind == JsonValueKind.Null;

    [Test]
    public async Task Running_flag_missed_deadlines_without_the_scheduler_succeeds_in_the_background_with_items_processed()
    {
        var admin = await StartWithMissedItems();

        var accepted = await RunAsync(admin, "flag-missed-deadlines");
        var run = await WaitFor(admin, accepted.GetProperty("runId").GetInt64(), Finished);

        Assert.Multiple(() =>
        {
            Assert.That(run.GetProperty("runId").GetInt64(), Is.EqualTo(accepted.GetProperty("runId").GetInt64()));
            Assert.That(run.Str("status"), Is.EqualTo("Succeeded"));
            Assert.That(run.GetProperty("processed").GetInt32(), Is.EqualTo(3), "the agency's three Q1 items, due 15 Oct");
            Assert.That(run.Str("startedAt"), Is.EqualTo("2024-10-20T06:00:00Z"));
            Assert.That(run.Str("finishedAt"), Is.EqualTo("2024-10-20T06:00:00Z"));
            Assert.That(run.GetProperty("error").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(Sql.Count(_app, "MissedFlags"), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Running_a_job_with_the_scheduler_on_goes_through_Quartz_and_succeeds()
    {
        var admin = await StartWithMissedItems(new Dictionary<string, string?>
        {
            ["Charter:Scheduling:Enabled"] = "true",
            ["Charter:Scheduling:RunAtStartup"] = "false",
        });

        var accepted = await RunAsync(admin, "flag-missed-deadlines");
        var run = await WaitFor(admin, accepted.GetProperty("runId").GetInt64(), Finished);
        var reminders = await WaitFor(admin, (await RunAsync(admin, "send-reminders")).GetProperty("runId").GetInt64(), Finished);

        Assert.Multiple(() =>
        {
            Assert.That((run.Str("status"), run.GetProperty("processed").GetInt32()), Is.EqualTo(("Succeeded", 3)));
            Assert.That(run.Str("node"), Is.EqualTo(Environment.MachineName));
            Assert.That((reminders.Str("status"), reminders.GetProperty("processed").GetInt32()), Is.EqualTo(("Succeeded", 0)), "nobody to remind");
        });
    }

    [Test]
    public async Task A_failing_run_is_retried_and_its_failure_stays_visible()
    {
        var admin = await StartWithMissedItems(new Dictionary<string, string?>
        {
            ["Charter:Scheduling:MaxAttempts"] = "4",
            ["Charter:Scheduling:RetryDelay"] = "00:00:00.500",
        });
        Execute("ALTER TABLE MissedFlags RENAME TO MissedFlagsAway");

        var runId = (await RunAsync(admin, "flag-missed-deadlines")).GetProperty("runId").GetInt64();
        var failed = await WaitFor(admin, runId, run => run.Str("status") == "Failed");
        Execute("ALTER TABLE MissedFlagsAway RENAME TO MissedFlags");
        var succeeded = await WaitFor(admin, runId, run => run.Str("status") == "Succeeded");

        Assert.Multiple(() =>
        {
            Assert.That((failed.GetProperty("runId").GetInt64(), failed.GetProperty("attempt").GetInt32()), Is.EqualTo((runId, 1)));
            Assert.That(failed.Str("error"), Does.Contain("MissedFlags"));
            Assert.That(succeeded.GetProperty("attempt").GetInt32(), Is.GreaterThan(1));
            Assert.That(succeeded.GetProperty("retryOfRunId").ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(succeeded.GetProperty("processed").GetInt32(), Is.EqualTo(3));
            Assert.That(Sql.Count(_app, "JobRuns", "Status = 'Failed'"), Is.GreaterThanOrEqualTo(1), "the failed attempt is still recorded");
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

        Assert.Multiple(() =>
        {
            Assert.That(forbidden.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(unknown.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(missingRun.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(Sql.Count(_app, "JobRuns"), Is.Zero, "a refused request queues nothing");
        });
        var problem = await unknown.JsonAsync(HttpStatusCode.NotFound);
        Assert.That(problem.Str("detail"), Does.Contain("make-coffee").And.Contain("flag-missed-deadlines"));
    }

    [Test]
    public async Task The_job_list_shows_every_job_with_its_cron_time_zone_and_last_run()
    {
        var admin = await StartWithMissedItems();
        var runId = (await RunAsync(admin, "flag-missed-deadlines")).GetProperty("runId").GetInt64();
        await WaitFor(admin, runId, Finished);

        var jobs = (await admin.GetJsonAsync("/api/v1/admin/jobs")).EnumerateArray().ToDictionary(j => j.Str("name"));

        Assert.Multiple(() =>
        {
            Assert.That(jobs.Keys, Is.EquivalentTo(new[] { "flag-missed-deadlines", "send-reminders", "deliver-outbox" }));
            Assert.That((jobs["flag-missed-deadlines"].Str("cron"), jobs["flag-missed-deadlines"].Str("timeZone")), Is.EqualTo(("0 5 0 * * ?", "Asia/Dhaka")));
            Assert.That(jobs["flag-missed-deadlines"].GetProperty("lastRun").GetProperty("runId").GetInt64(), Is.EqualTo(runId));
            Assert.That(jobs["send-reminders"].GetProperty("lastRun").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(jobs["send-reminders"].GetProperty("schedulerEnabled").GetBoolean(), Is.False);
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
