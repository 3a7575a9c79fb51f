using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Offices;

/// <summary>
/// The offices the caller records for: its own office and, for a focal point, every office it is assigned to today
/// (<see cref="AccessPolicy"/>'s scope, the roots of the subtrees it writes in). The own office first, then by code.
/// A user without an office (the administrator) has none: it records anywhere and picks the office another way.
/// </summary>
public sealed record ListMyOfficesQuery : IQuery<IReadOnlyList<MyOffice>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SignedIn];
}

/// <summary>One of the caller's offices; <see cref="AssignedUntil"/> is set for an assignment that ends (exclusive).</summary>
public sealed record MyOffice(Office Office, bool Own, DateOnly? AssignedUntil);

public sealed class ListMyOfficesHandler(DbSession db, CurrentUser user, FiscalCalendar calendar) : IRequestHandler<ListMyOfficesQuery, IReadOnlyList<MyOffice>>
{
    public async Task<IReadOnlyList<MyOffice>> Handle(ListMyOfficesQuery query, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var rows = await db.QueryAsync<MyOfficeRow>(
            $"""
            SELECT {OfficeRow.Columns}, 1 AS Own, NULL AS AssignedUntil FROM Offices WHERE Id = @OfficeId
            UNION ALL
            SELECT o.Id, o.Code, o.NameBn, o.NameEn, o.Kind, o.ParentId, o.Path, o.Depth, o.ActiveFrom, o.ActiveUntil, 0 AS Own, a.ValidUntil AS AssignedUntil
            FROM FocalPointAssignments a JOIN Offices o ON o.Id = a.OfficeId
            WHERE a.UserId = @UserId AND a.ValidFrom <= @today AND (a.ValidUntil IS NULL OR a.ValidUntil > @today)
            """, new { user.OfficeId, UserId = user.Role == Role.FocalPoint ? user.UserId ?? -1 : -1, today }, cancellationToken);
        return rows
            .GroupBy(row => row.Id).Select(same => same.OrderByDescending(row => row.Own).First())
            .OrderByDescending(row => row.Own).ThenBy(row => row.Code, StringComparer.Ordinal)
            .Select(row => new MyOffice(row.ToOffice(today), row.Own, row.Own ? null : row.AssignedUntil))
            .ToList();
    }

    /// <summary>An office row with how the caller holds it (its own office, or an assignment until a date).</summary>
    private sealed class MyOfficeRow : OfficeRow
    {
        public bool Own { get; init; }
        public DateOnly? AssignedUntil { get; init; }
    }
}
