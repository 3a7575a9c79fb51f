using CharterTracker.Deadlines;
using Quartz;

namespace CharterTracker.Scheduling;

/// <summary>
/// Registers the jobs of <see cref="JobSchedule"/> and, when <c>Charter:Scheduling:Enabled</c> (the default), the
/// Quartz scheduler that fires them: in-memory store, every trigger a cron in <c>Charter:TimeZone</c>, explicit job and
/// trigger identities, job types registered in the container explicitly so a missing dependency fails at start-up
/// (ValidateOnBuild) rather than at 00:05. Without the scheduler, runs asked for through the API go to a background
/// queue in this process (<see cref="BackgroundJobLauncher"/>).
/// </summary>
public static class SchedulingRegistration
{
    public static IServiceCollection AddCharterScheduling(this IServiceCollection services, IConfiguration charterSection, CharterOptions charter)
    {
        var section = charterSection.GetSection(SchedulingOptions.Section);
        var options = section.Get<SchedulingOptions>() ?? new SchedulingOptions();
        services.Configure<SchedulingOptions>(section);
        services.Configure<ReminderOptions>(charterSection.GetSection(ReminderOptions.Section));
        services.Configure<SmtpOptions>(charterSection.GetSection(SmtpOptions.Section));
        services.AddSingleton<SmtpMailer>();

        services.AddScoped<JobRunStore>();
        services.AddSingleton<JobRunMiddleware>();
        services.AddScoped<FlagMissedDeadlinesJob>();
        services.AddScoped<SendRemindersJob>();
        services.AddScoped<DeliverOutboxJob>();

        if (!options.Enabled)
        {
            services.AddSingleton<BackgroundJobLauncher>();
            services.AddSingleton<IJobLauncher>(provider => provider.GetRequiredService<BackgroundJobLauncher>());
            services.AddHostedService(provider => provider.GetRequiredService<BackgroundJobLauncher>());
            return services;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(charter.TimeZone);
        services.AddSingleton<IJobLauncher, QuartzJobLauncher>();
        services.AddQuartz(quartz =>
        {
            // No UseTimeProvider: for the default scheduler it would replace the container's TimeProvider, the app's one
            // clock. Quartz reads that same clock, so a scheduled fire time and the app's "today" always agree.
            quartz.UseInMemoryStore(_ => { });
            quartz.AddJobMiddleware(provider => provider.GetRequiredService<JobRunMiddleware>());
            foreach (var job in JobSchedule.All)
            {
                quartz.AddJob(job.JobType, configure => configure.WithIdentity(job.Key).WithDescription(job.Description).StoreDurably(true));
                quartz.AddTrigger(trigger => trigger
                    .ForJob(job.Key)
                    .WithIdentity(job.TriggerKey)
                    .WithDescription(job.Cron + " " + zone.Id)
                    .WithCronSchedule(job.Cron, cron => cron.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            }
            if (options.RunAtStartup)
            {
                foreach (var name in JobSchedule.RunAtStartup) quartz.RunAtStartup(JobSchedule.Find(name)!.Key);
            }
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
    }
}
