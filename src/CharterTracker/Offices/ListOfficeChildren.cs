using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Offices;

/// <summary>The direct children of an office as the tree stands on <see cref="AsOf"/> (default: today).</summary>
public sealed record ListOfficeChildrenQuery(long OfficeId, DateOnly? AsOf = null) : IQuery<IReadOnlyList<Office>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class ListOfficeChildrenHandler(DbSession db, FiscalCalendar calendar) : IRequestHandler<ListOfficeChildrenQuery, IReadOnlyList<Office>>
{
    public async Task<IReadOnlyList<Office>> Handle(ListOfficeChildrenQuery query, CancellationToken cancellationToken)
    {
        var rows = await db.QueryAsync<OfficeRow>(OfficeTree.ChildrenAsOfSql,
            new { query.OfficeId, AsOf = query.AsOf ?? calendar.Today }, cancellationToken);
        return rows.Select(row => row.ToOffice(calendar.Today)).ToList();
    }
}
