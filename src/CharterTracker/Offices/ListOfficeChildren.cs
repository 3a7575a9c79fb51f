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

/// <summary>Everything that happened to an office: registered, renamed, moved, deactivated — who, when, before and after.</summary>
public sealed record GetOfficeHistoryQuery(long OfficeId) : IQuery<IReadOnlyList<OfficeChange>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed record OfficeChange
{
    public long Id { get; init; }
    public string Change { get; init; } = "";
    public DateOnly EffectiveOn { get; init; }

    /// <summary>JSON of the values before the change (null when registered).</summary>
    public string? Before { get; init; }
    public string? After { get; init; }
    public string ChangedBy { get; init; } = "";
    public DateTime ChangedAtUtc { get; init; }
}

public sealed class GetOfficeHistoryHandler(DbSession db) : IRequestHandler<GetOfficeHistoryQuery, IReadOnlyList<OfficeChange>>
{
    public async Task<IReadOnlyList<OfficeChange>> Handle(GetOfficeHistoryQuery query, CancellationToken cancellationToken) =>
        await db.QueryAsync<OfficeChange>(
            "SELECT Id, Change, EffectiveOn, Before, After, ChangedBy, ChangedAtUtc FROM OfficeChanges WHERE OfficeId = @OfficeId ORDER BY Id",
            new { query.OfficeId }, cancellationToken);
}
