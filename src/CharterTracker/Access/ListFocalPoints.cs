using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Access;

/// <summary>An office's focal point assignments, current and past, newest first.</summary>
public sealed record ListFocalPointsQuery(long OfficeId) : IQuery<IReadOnlyList<FocalPointAssignment>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class ListFocalPointsHandler(DbSession db) : IRequestHandler<ListFocalPointsQuery, IReadOnlyList<FocalPointAssignment>>
{
    public async Task<IReadOnlyList<FocalPointAssignment>> Handle(ListFocalPointsQuery query, CancellationToken cancellationToken) =>
        await db.QueryAsync<FocalPointAssignment>(FocalPointAssignment.Select + " WHERE a.OfficeId = @OfficeId ORDER BY a.ValidFrom DESC, a.Id DESC",
            new { query.OfficeId }, cancellationToken);
}
