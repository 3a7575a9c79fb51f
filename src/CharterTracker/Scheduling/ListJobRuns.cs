using CharterTracker.Access;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Scheduling;

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
