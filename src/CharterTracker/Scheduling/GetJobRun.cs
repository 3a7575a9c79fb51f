using CharterTracker.Access;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Scheduling;

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
