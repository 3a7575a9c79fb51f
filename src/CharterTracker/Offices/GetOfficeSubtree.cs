using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Offices;

/// <summary>An office and everything under it, as the tree stood on <see cref="AsOf"/> (default: today).</summary>
public sealed record GetOfficeSubtreeQuery(long OfficeId, DateOnly? AsOf = null) : IQuery<IReadOnlyList<OfficeNode>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class GetOfficeSubtreeHandler(DbSession db, FiscalCalendar calendar) : IRequestHandler<GetOfficeSubtreeQuery, IReadOnlyList<OfficeNode>>
{
    public async Task<IReadOnlyList<OfficeNode>> Handle(GetOfficeSubtreeQuery query, CancellationToken cancellationToken) =>
        await db.QueryAsync<OfficeNode>(OfficeTree.SubtreeAsOfSql,
            new { query.OfficeId, AsOf = query.AsOf ?? calendar.Today }, cancellationToken);
}
