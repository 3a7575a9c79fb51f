using System.Text.Json;
using CharterTracker.Pipeline;
using CharterTracker.Data;
using CharterTracker.Scheduling;
using CharterTracker.Tests.Support;
using Dapper;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CharterTracker.Tests.Scheduling;

/// <summary>The schedule table is the whole truth: every job is in it, runs alone, and Hangfire's storage keeps exactly it, across restarts.</summary>
[NonParallelizable]
public sealed class JobScheduleTests
{
    private static readonly Type[] JobTypes = typeof(CharterApp).Assembly.GetTypes()
        .Where(type => typeof(ICharterJob).IsAssignableFrom(type) && type is { IsAbstract: false, IsInterface: false })
        .ToArray();

    private static Dictionary<string, string?> Scheduler(bool enabled) => new()
    {
        ["Charter:Scheduling:Enabled"] = enabled ? "true" : "false",
        [TestApp.RealJobStorage] = "true",
    };

    private static Dictionary<string, RecurringJobDto> Recurring(TestApp app)
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().ToDictionary(job => job.Id);
    }

    [Test]
    public void Every_job_type_in_the_application_is_in_the_schedule()
    {
        Assert.That(JobSchedule.All.Select(job => job.JobType), Is.EquivalentTo(JobTypes));
    }

    [Test]
    public void Every_job_disallows_concurrent_execution()
    {
        Assert.That(JobTypes.Where(type => !type.IsDefined(typeof(DisableConcurrentExecutionAttribute), inherit: true)), Is.Empty);
    }

    [Test]
    public void Job_names_are_unique()
    {
        Assert.That(JobSchedule.All.Select(job => job.Name), Is.Unique);
    }

    [Test]
    public async Task With_the_scheduler_on_the_job_storage_holds_every_job_with_its_cron_in_the_deployment_zone()
    {
        await using var app = await TestApp.StartAsync(settings: Scheduler(enabled: true));

        var recurring = Recurring(app);

        Assert.That(recurring.Keys, Is.EquivalentTo(JobSchedule.All.Select(job => job.Name)));
        foreach (var job in JobSchedule.All)
        {
            var stored = recurring[job.Name];
            Assert.Multiple(() =>
            {
                Assert.That(stored.Cron, Is.EqualTo(job.Cron), job.Name);
                Assert.That(stored.TimeZoneId, Is.EqualTo("Asia/Dhaka"), job.Name);
                Assert.That(stored.Job.Type, Is.EqualTo(job.JobType), job.Name);
                Assert.That(stored.NextExecution, Is.Not.Null, job.Name);
            });
        }
        var next = TimeZoneInfo.ConvertTimeFromUtc(recurring["flag-missed-deadlines"].NextExecution!.Value, TimeZoneInfo.FindSystemTimeZoneById("Asia/Dhaka"));
        Assert.That((next.Hour, next.Minute), Is.EqualTo((0, 5)), "00:05 in Dhaka, whatever the server's zone");
    }

    [Test]
    public async Task After_a_restart_on_the_same_folders_the_recurring_jobs_and_the_job_history_are_still_there()
    {
        var directory = TestDatabase.NewDirectory();
        long runId;
        await using (var first = await TestApp.StartAsync(TestClock.At(2024, 10, 20), directory, Scheduler(enabled: true)))
        {
            await new Given(first).OfficeAsync("AGENCY");
            var admin = await first.AsAdminAsync();
            runId = await Jobs.RunAsync(admin, "flag-missed-deadlines");
            await Jobs.WaitForAsync(admin, runId);
        }

        await using var second = await TestApp.StartAsync(TestClock.At(2024, 10, 20), directory, Scheduler(enabled: true));
        var again = await second.AsAdminAsync();
        var run = await again.GetJsonAsync($"/api/v1/admin/jobs/runs/{runId}");
        var jobs = (await again.GetJsonAsync("/api/v1/admin/jobs")).EnumerateArray().ToDictionary(j => j.Str("name"));

        Assert.Multiple(() =>
        {
            Assert.That((run.Str("status"), run.GetProperty("processed").GetInt32()), Is.EqualTo(("Succeeded", 3)));
            Assert.That(jobs["flag-missed-deadlines"].GetProperty("lastRun").GetProperty("runId").GetInt64(), Is.EqualTo(runId));
            Assert.That(jobs.Values.Select(j => j.GetProperty("nextRunAt").ValueKind), Is.All.EqualTo(JsonValueKind.String));
            Assert.That(Recurring(second).Keys, Is.EquivalentTo(JobSchedule.All.Select(job => job.Name)));
        });
    }

    [Test]
    public async Task Turning_the_scheduler_off_on_SQLite_removes_the_schedule_but_run_now_still_works()
    {
        var directory = TestDatabase.NewDirectory();
        await using (await TestApp.StartAsync(TestClock.At(2024, 10, 20), directory, Scheduler(enabled: true)))
        {
        }

        await using var off = await TestApp.StartAsync(TestClock.At(2024, 10, 20), directory, Scheduler(enabled: false));
        var admin = await off.AsAdminAsync();
        var run = await Jobs.WaitForAsync(admin, await Jobs.RunAsync(admin, "send-reminders"));

        Assert.Multiple(() =>
        {
            Assert.That(Recurring(off), Is.Empty, "nothing fires on its own");
            Assert.That(run.Str("status"), Is.EqualTo("Succeeded"));
        });
    }

    [Test]
    public async Task The_application_database_runs_on_a_SQLite_at_least_as_new_as_3_50_although_Hangfire_s_storage_brings_an_older_one()
    {
        await using var app = await TestApp.StartAsync(settings: Scheduler(enabled: false));
        await using var connection = await app.Services.GetRequiredService<DbConnectionFactory>().OpenAsync();

        var version = Version.Parse(await connection.ExecuteScalarAsync<string>("select sqlite_version()") ?? "0.0");

        Assert.That(version, Is.GreaterThanOrEqualTo(new Version(3, 50)));
    }
}
