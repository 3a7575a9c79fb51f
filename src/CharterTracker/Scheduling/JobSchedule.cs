using CharterTracker.Pipeline;
using CharterTracker.Deadlines;
using Hangfire.Common;

namespace CharterTracker.Scheduling;

/// <summary>A job of the schedule: its name (also the API's <c>{name}</c> and the recurring job's id), its class, and when it fires.</summary>
/// <param name="Cron">Standard five-field cron, read in the deployment's time zone <c>Charter:TimeZone</c>.</param>
public sealed record ScheduledJob(string Name, Type JobType, string Cron, string Description, Func<DateTimeOffset?, Job> Call)
{
    public static ScheduledJob Of<TJob>(string name, string cron, string description) where TJob : ICharterJob =>
        new(name, typeof(TJob), cron, description, asOf => Job.FromExpression<TJob>(job => job.RunAsync(asOf, CancellationToken.None)));
}

/// <summary>
/// Every scheduled job in one table. Times are wall-clock times in the deployment's zone (Asia/Dhaka by default).
/// Each job is catch-up safe (it works out what is owed from the data, never "exactly N days ago"), so a missed fire
/// costs a delay, not a lost notice.
/// </summary>
public static class JobSchedule
{
    public static readonly IReadOnlyList<ScheduledJob> All =
    [
        //                                 name                      cron (m h dom mon dow)  what it does
        ScheduledJob.Of<FlagMissedDeadlinesJob>("flag-missed-deadlines", "5 0 * * *",    "00:05 daily, just after a due day ends: flag every item past its due date with nothing recorded; resolve flags whose item was recorded since (Late)."),
        ScheduledJob.Of<SendRemindersJob>(      "send-reminders",        "0 9 * * *",    "09:00 daily: reminders before the due date, overdue notices, escalations; one digest per recipient."),
        ScheduledJob.Of<DeliverOutboxJob>(      "deliver-outbox",        "*/5 * * * *",  "Every 5 minutes: email the outbox over SMTP, with back-off; a no-op when Charter:Smtp:Host is empty."),
    ];

    public static ScheduledJob? Find(string? name) =>
        All.FirstOrDefault(job => string.Equals(job.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The job of the schedule a Hangfire job runs, by its class.</summary>
    public static ScheduledJob? For(Type? jobType) => All.FirstOrDefault(job => job.JobType == jobType);
}
