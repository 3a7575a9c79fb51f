using CharterTracker.Deadlines;
using Quartz;

namespace CharterTracker.Scheduling;

/// <summary>A job of the schedule: its name (also the API's <c>{name}</c>), its type, and when it fires.</summary>
/// <param name="Cron">Quartz cron (seconds first), read in the deployment's time zone <c>Charter:TimeZone</c>.</param>
public sealed record ScheduledJob(string Name, Type JobType, string Cron, string Description)
{
    public const string Group = "charter";

    public JobKey Key => new(Name, Group);

    public TriggerKey TriggerKey => new(Name + ".cron", Group);

    public static ScheduledJob Of<TJob>(string name, string cron, string description) where TJob : IJob =>
        new(name, typeof(TJob), cron, description);
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
        //                                 name                      cron (s m h dom mon dow)   what it does
        ScheduledJob.Of<FlagMissedDeadlinesJob>("flag-missed-deadlines", "0 5 0 * * ?",     "00:05 daily, just after a due day ends: flag every item past its due date with nothing recorded; resolve flags whose item was recorded since (Late)."),
        ScheduledJob.Of<SendRemindersJob>(      "send-reminders",        "0 0 9 * * ?",     "09:00 daily: reminders before the due date, overdue notices, escalations; one digest per recipient."),
        ScheduledJob.Of<DeliverOutboxJob>(      "deliver-outbox",        "0 0/5 * * * ?",   "Every 5 minutes: email the outbox over SMTP, with back-off; a no-op when Charter:Smtp:Host is empty."),
    ];

    public static ScheduledJob? Find(string? name) =>
        All.FirstOrDefault(job => string.Equals(job.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The jobs that also run once when the scheduler starts (when <c>Charter:Scheduling:RunAtStartup</c>).</summary>
    public static readonly IReadOnlyList<string> RunAtStartup = ["flag-missed-deadlines"];
}
