using CharterTracker.Access;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

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
