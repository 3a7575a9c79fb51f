using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Meetings;

/// <summary>The office that owns a follow-up: needed before the access check of completing it.</summary>
public sealed record GetFollowUpOwnerQuery(long Id) : IQuery<long>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SignedIn];
}

public sealed class GetFollowUpOwnerHandler(DbSession db) : IRequestHandler<GetFollowUpOwnerQuery, long>
{
    public async Task<long> Handle(GetFollowUpOwnerQuery query, CancellationToken cancellationToken) =>
        await db.QuerySingleOrDefaultAsync<long?>("SELECT OwnerOfficeId FROM FollowUps WHERE Id = @Id", query, cancellationToken)
        ?? throw new NotFoundException($"Follow-up {query.Id} does not exist.");
}
