using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Access;

/// <summary>A user's focal point assignments, current and past, newest first.</summary>
public sealed record ListAssignmentsOfUserQuery(long UserId) : IQuery<IReadOnlyList<FocalPointAssignment>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SystemAdminOnly];
}

public sealed class ListAssignmentsOfUserHandler(DbSession db) : IRequestHandler<ListAssignmentsOfUserQuery, IReadOnlyList<FocalPointAssignment>>
{
    public async Task<IReadOnlyList<FocalPointAssignment>> Handle(ListAssignmentsOfUserQuery query, CancellationToken cancellationToken) =>
        await db.QueryAsync<FocalPointAssignment>(FocalPointAssignment.Select + " WHERE a.UserId = @UserId ORDER BY a.ValidFrom DESC, a.Id DESC",
            new { query.UserId }, cancellationToken);
}
