using CharterTracker.Scheduling;
using CharterTracker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CharterTracker.Tests.Scheduling;

/// <summary>The schedule table is the whole truth: every job is in it, runs alone, and Quartz carries exactly it.</summary>
public sealed class JobScheduleTests
{
    private static readonly Type[] JobTypes = typeof(CharterApp).Assembly.GetTypes()
        .Where(type => typeof(IJob).IsAssignableFrom(type) && type is { IsAbstract: false, IsInterface: false })
        .ToArray();

    [Test]
    public void Every_job_type_in_the_application_is_in_the_schedule()
    {
        Assert.That(JobSchedule.All.Select(job => job.JobType), Is.EquivalentTo(JobTypes));
    }

    [Test]
    public void Every_job_disallows_concurrent_execution()
    {
        Assert.That(JobTypes.Where(type => !type.IsDefined(typeof(DisallowConcurrentExecutionAttribute), inherit: true)), Is.Empty);
    }

    [Test]
    public void Job_names_are_unique_and_every_cron_parses()
    {
        Assert.That(JobSchedule.All.Select(job => job.Name), Is.Unique);
        Assert.That(JobSchedule.All.Where(job => !CronExpression.TryParse(job.Cron, out _)).Select(job => job.Name), Is.Empty);
    }

    [Test]
    public async Task With_the_scheduler_on_Quartz_holds_every_job_with_its_cron_trigger_in_the_deployment_zone()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Charter:Scheduling:Enabled"] = "true",
            ["Charter:Scheduling:RunAtStartup"] = "false",
        });
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        foreach (var job in JobSchedule.All)
        {
            var detail = await scheduler.GetJobDetail(job.Key);
            var trigger = await scheduler.GetTrigger(job.TriggerKey) as ICronTrigger;
            Assert.Multiple(() =>
            {
                Assert.That(detail?.JobType.Type, Is.EqualTo(job.JobType), job.Name);
                Assert.That(trigger?.CronExpressionString, Is.EqualTo(job.Cron), job.Name);
                Assert.That(trigger?.TimeZone.Id, Is.EqualTo("Asia/Dhaka"), job.Name);
                Assert.That(trigger?.JobKey, Is.EqualTo(job.Key), job.Name);
            });
        }
    }

    [Test]
    public async Task With_the_scheduler_on_the_sweep_runs_once_at_start_up_and_the_run_is_recorded()
    {
        await using var app = await TestApp.StartAsync(TestClock.At(2024, 10, 20), settings: new Dictionary<string, string?> { ["Charter:Scheduling:Enabled"] = "true" });

        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (Sql.Count(app, "JobRuns", "JobName = 'flag-missed-deadlines' AND Status = 'Succeeded'") == 0 && watch.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(50);

        var runs = Sql.Query<(string JobName, string Status, string TriggeredAtUtc, long Attempt)>(app, "SELECT JobName, Status, TriggeredAtUtc, Attempt FROM JobRuns WHERE JobName = 'flag-missed-deadlines'");
        Assert.That(runs, Is.EqualTo(new[] { ("flag-missed-deadlines", "Succeeded", "2024-10-20T06:00:00.0000000Z", 1L) }),
            "a scheduled fire (not asked for through the API) gets its row from the run middleware, triggered at its fire time");
    }
}
