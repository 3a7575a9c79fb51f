using CharterTracker.Access;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Options;
using Quartz;

namespace CharterTracker.Scheduling;

/// <summary>Queues a run of a job now (SystemAdmin). The endpoint hands the queued run to the node's <see cref="IJobLauncher"/> once this has committed.</summary>
public sealed record RunJobCommand(string Name) : ICommand<QueuedJobRun>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SystemAdminOnly];
}

public sealed record QueuedJobRun(long RunId, ScheduledJob Job, DateTimeOffset TriggeredAt) : IIdentifiedResult
{
    long IIdentifiedResult.Id => RunId;
}

public sealed class RunJobValidator : AbstractValidator<RunJobCommand>
{
    public RunJobValidator() => RuleFor(c => c.Name).NotEmpty().WithMessage("The job's name is required.");
}

public sealed class RunJobHandler(JobRunStore runs, TimeProvider clock) : IRequestHandler<RunJobCommand, QueuedJobRun>
{
    public async Task<QueuedJobRun> Handle(RunJobCommand command, CancellationToken cancellationToken)
    {
        var job = JobSchedule.Find(command.Name)
            ?? throw new NotFoundException($"There is no job '{command.Name}'. Jobs: {string.Join(", ", JobSchedule.All.Select(j => j.Name))}.");
        var now = clock.GetUtcNow();
        return new QueuedJobRun(await runs.QueueAsync(job.Name, now, cancellationToken), job, now);
    }
}

/// <summary>One attempt of a job run: status, times, items processed, error.</summary>
public sealed record GetJobRunQuery(long RunId) : IQuery<JobRun>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SystemAdminOnly];
}

public sealed class GetJobRunHandler(JobRunStore runs) : IRequestHandler<GetJobRunQuery, JobRun>
{
    public async Task<JobRun> Handle(GetJobRunQuery query, CancellationToken cancellationToken) =>
        await runs.FindAsync(query.RunId, cancellationToken) ?? throw new NotFoundException($"Job run {query.RunId} does not exist.");
}

/// <summary>A job's latest runs, newest first: every attempt, retries included.</summary>
public sealed record ListJobRunsQuery(string Name, int Take = 10) : IQuery<IReadOnlyList<JobRun>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SystemAdminOnly];
}

public sealed class ListJobRunsValidator : AbstractValidator<ListJobRunsQuery>
{
    public ListJobRunsValidator() => RuleFor(q => q.Take).InclusiveBetween(1, 100);
}

public sealed class ListJobRunsHandler(JobRunStore runs) : IRequestHandler<ListJobRunsQuery, IReadOnlyList<JobRun>>
{
    public async Task<IReadOnlyList<JobRun>> Handle(ListJobRunsQuery query, CancellationToken cancellationToken)
    {
        var job = JobSchedule.Find(query.Name) ?? throw new NotFoundException($"There is no job '{query.Name}'.");
        return await runs.RecentAsync(job.Name, query.Take, cancellationToken);
    }
}

/// <summary>The schedule as this node runs it: every job, its cron and time zone, its next fire, its last run.</summary>
public sealed record ListJobsQuery : IQuery<IReadOnlyList<JobListing>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SystemAdminOnly];
}

public sealed record JobListing(string Name, string Description, string Cron, string TimeZone, bool SchedulerEnabled, DateTimeOffset? NextRunAt, JobRun? LastRun);

public sealed class ListJobsHandler(JobRunStore runs, IOptions<SchedulingOptions> scheduling, IOptions<CharterOptions> charter, TimeProvider clock)
    : IRequestHandler<ListJobsQuery, IReadOnlyList<JobListing>>
{
    public async Task<IReadOnlyList<JobListing>> Handle(ListJobsQuery query, CancellationToken cancellationToken)
    {
        var latest = (await runs.LatestAsync(cancellationToken)).ToDictionary(run => run.Job, StringComparer.OrdinalIgnoreCase);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(charter.Value.TimeZone);
        var enabled = scheduling.Value.Enabled;
        return JobSchedule.All.Select(job => new JobListing(
                job.Name, job.Description, job.Cron, zone.Id, enabled,
                enabled ? CronExpression.Parse(job.Cron).WithTimeZone(zone).GetNextValidTimeAfter(clock.GetUtcNow()) : null,
                latest.GetValueOrDefault(job.Name)))
            .ToList();
    }
}
