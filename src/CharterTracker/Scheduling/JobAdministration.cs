using CharterTracker.Access;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Options;

namespace CharterTracker.Scheduling;

/// <summary>
/// Enqueues a run of a job now (SystemAdmin) into Hangfire's storage; a node running the job server picks it up (on
/// SQLite, this node). Enqueued from the handler so that the audit row names the run.
/// </summary>
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
    public Task<QueuedJobRun> Handle(RunJobCommand command, CancellationToken cancellationToken)
    {
        var job = JobSchedule.Find(command.Name)
            ?? throw new NotFoundException($"There is no job '{command.Name}'. Jobs: {string.Join(", ", JobSchedule.All.Select(j => j.Name))}.");
        var now = clock.GetUtcNow();
        return Task.FromResult(new QueuedJobRun(runs.Enqueue(job, now), job, now));
    }
}

/// <summary>A job run: status, times, items processed, its latest failure and attempt.</summary>
public sealed record GetJobRunQuery(long RunId) : IQuery<JobRun>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SystemAdminOnly];
}

public sealed class GetJobRunHandler(JobRunStore runs) : IRequestHandler<GetJobRunQuery, JobRun>
{
    public Task<JobRun> Handle(GetJobRunQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(runs.Find(query.RunId) ?? throw new NotFoundException($"Job run {query.RunId} does not exist."));
}

/// <summary>A job's latest runs, newest first.</summary>
public sealed record ListJobRunsQuery(string Name, int Take = 10) : IQuery<IReadOnlyList<JobRun>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SystemAdminOnly];
}

public sealed class ListJobRunsValidator : AbstractValidator<ListJobRunsQuery>
{
    public ListJobRunsValidator() => RuleFor(q => q.Take).InclusiveBetween(1, JobRunBook.Kept);
}

public sealed class ListJobRunsHandler(JobRunStore runs) : IRequestHandler<ListJobRunsQuery, IReadOnlyList<JobRun>>
{
    public Task<IReadOnlyList<JobRun>> Handle(ListJobRunsQuery query, CancellationToken cancellationToken)
    {
        var job = JobSchedule.Find(query.Name) ?? throw new NotFoundException($"There is no job '{query.Name}'.");
        return Task.FromResult(runs.Recent(job, query.Take));
    }
}

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
