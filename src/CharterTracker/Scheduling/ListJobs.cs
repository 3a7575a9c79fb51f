using CharterTracker.Access;
using CharterTracker.Pipeline;
using MediatR;
using Microsoft.Extensions.Options;

namespace CharterTracker.Scheduling;

/// <summary>The schedule: every job, its cron and time zone, its next fire as the job storage holds it, its last run.</summary>
public sealed record ListJobsQuery : IQuery<IReadOnlyList<JobListing>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SystemAdminOnly];
}

/// <param name="SchedulerEnabled">This node runs the job server with the schedule (<c>Charter:Scheduling:Enabled</c>).</param>
/// <param name="NextRunAt">The next fire of the recurring job in the job storage (null when no node keeps it registered).</param>
public sealed record JobListing(string Name, string Description, string Cron, string TimeZone, bool SchedulerEnabled, DateTimeOffset? NextRunAt, JobRun? LastRun);

public sealed class ListJobsHandler(JobRunStore runs, IOptions<SchedulingOptions> scheduling, IOptions<CharterOptions> charter)
    : IRequestHandler<ListJobsQuery, IReadOnlyList<JobListing>>
{
    public Task<IReadOnlyList<JobListing>> Handle(ListJobsQuery query, CancellationToken cancellationToken)
    {
        var recurring = runs.Recurring();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(charter.Value.TimeZone);
        IReadOnlyList<JobListing> jobs = JobSchedule.All.Select(job => new JobListing(
                job.Name, job.Description, job.Cron, zone.Id, scheduling.Value.Enabled,
                recurring.GetValueOrDefault(job.Name)?.NextExecution is { } next ? new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc)) : null,
                runs.Recent(job, 1).FirstOrDefault()))
            .ToList();
        return Task.FromResult(jobs);
    }
}
