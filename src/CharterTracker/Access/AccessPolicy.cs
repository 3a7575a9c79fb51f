using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;

namespace CharterTracker.Access;

/// <summary>
/// The access rules, in one place:
/// a SystemAdmin may do anything; every other role reads the subtree of its own office; a FocalPoint also
/// writes there, and in the subtree of every office it is assigned to today. Anything else is 403; an office
/// that does not exist is 404 whoever asks.
/// </summary>
public sealed class AccessPolicy(CurrentUser user, DbSession db, FiscalCalendar calendar)
{
    /// <summary>The first office a demand of the current command was checked against: the office its audit row names.</summary>
    public long? FirstOfficeChecked { get; private set; }

    public void StartCommand() => FirstOfficeChecked = null;

    public async Task DemandAsync(IEnumerable<AccessDemand> demands, CancellationToken cancellationToken)
    {
        foreach (var demand in demands)
        {
            await DemandAsync(demand, cancellationToken);
        }
    }

    public async Task DemandAsync(AccessDemand demand, CancellationToken cancellationToken)
    {
        if (demand.Kind == AccessKind.Anonymous) return;
        if (!user.IsAuthenticated) throw new UnauthenticatedException("Sign in first.");
        switch (demand.Kind)
        {
            case AccessKind.SignedIn:
                return;
            case AccessKind.SystemAdmin:
                if (user.Role != Role.SystemAdmin) throw new ForbiddenException("Only a system administrator may do this.");
                return;
            case AccessKind.ReadOfficeOf:
            case AccessKind.WriteOfficeOf:
            case AccessKind.OverseeOfficeOf:
                var lookup = demand.Lookup ?? throw new InvalidOperationException("An office-of demand needs a lookup.");
                var found = await db.QuerySingleOrDefaultAsync<long?>(lookup.Sql, new { lookup.Id }, cancellationToken)
                    ?? throw new NotFoundException(lookup.Missing);
                await DemandAsync(demand.Kind switch
                {
                    AccessKind.ReadOfficeOf => AccessDemand.Read(found),
                    AccessKind.WriteOfficeOf => AccessDemand.Write(found),
                    _ => AccessDemand.Oversee(found),
                }, cancellationToken);
                return;
            case AccessKind.OverseeOffice:
                if (user.Role is not (Role.MonitoringCommittee or Role.SystemAdmin))
                {
                    throw new ForbiddenException("Only the monitoring committee (or a system administrator) may do this.");
                }
                await DemandAsync(AccessDemand.Read(demand.OfficeId!.Value), cancellationToken);
                return;
            case AccessKind.ReadOffice:
            case AccessKind.WriteOffice:
                var officeId = demand.OfficeId ?? throw new InvalidOperationException("An office demand needs an office id.");
                FirstOfficeChecked ??= officeId;
                var office = await db.QuerySingleOrDefaultAsync<OfficeDates>(
                    "SELECT ActiveFrom, ActiveUntil FROM Offices WHERE Id = @officeId", new { officeId }, cancellationToken)
                    ?? throw new NotFoundException($"Office {officeId} does not exist.");
                if (user.Role == Role.SystemAdmin) return;
                if (demand.Kind == AccessKind.WriteOffice && user.Role != Role.FocalPoint)
                {
                    throw new ForbiddenException($"A {user.Role} may read but not change the records of office {officeId}.");
                }
                var scope = await ScopeOfficesAsync(cancellationToken);
                var ancestors = await db.QueryAsync<long>(AncestorsAsOfSql, new { officeId, AsOf = office.AccessDate(calendar.Today) }, cancellationToken);
                if (!ancestors.Any(scope.Contains))
                {
                    throw new ForbiddenException($"Office {officeId} is outside your office's subtree.");
                }
                return;
            default:
                throw new InvalidOperationException($"Unknown access kind {demand.Kind}.");
        }
    }

    /// <summary>True when the caller may read everything (no subtree filter needed).</summary>
    public bool SeesEverything => user.Role == Role.SystemAdmin;

    /// <summary>
    /// The office and its ancestors in the tree as it stands on @AsOf (placements are effective-dated, so a move
    /// dated next quarter changes nobody's access today).
    /// </summary>
    private const string AncestorsAsOfSql = """
        WITH up (Id, Hops) AS (
            SELECT CAST(@officeId AS BIGINT), 0
            UNION ALL
            SELECT p.ParentId, u.Hops + 1
            FROM up u JOIN OfficePlacements p ON p.OfficeId = u.Id AND p.ValidFrom <= @AsOf AND (p.ValidUntil IS NULL OR p.ValidUntil > @AsOf)
            WHERE p.ParentId IS NOT NULL AND u.Hops < 50
        )
        SELECT Id FROM up
        """;

    private sealed class OfficeDates
    {
        public DateOnly ActiveFrom { get; init; }
        public DateOnly? ActiveUntil { get; init; }

        /// <summary>Today, or the nearest day the office exists: one not yet opened is judged by where it will open, a closed one by where it last stood.</summary>
        public DateOnly AccessDate(DateOnly today) =>
            today < ActiveFrom ? ActiveFrom : ActiveUntil is { } until && today >= until ? until.AddDays(-1) : today;
    }

    private HashSet<long>? _scopeOffices;

    /// <summary>The caller's own office and, for a focal point, the offices it is assigned to today: the roots of the subtrees it reads.</summary>
    public async Task<IReadOnlySet<long>> ScopeOfficesAsync(CancellationToken cancellationToken)
    {
        if (_scopeOffices is not null) return _scopeOffices;
        var ids = await db.QueryAsync<long>(
            """
            SELECT Id FROM Offices WHERE Id = @OfficeId
            UNION
            SELECT OfficeId FROM FocalPointAssignments
            WHERE UserId = @UserId AND ValidFrom <= @Today AND (ValidUntil IS NULL OR ValidUntil > @Today)
            """, new { user.OfficeId, UserId = user.UserId ?? -1, calendar.Today }, cancellationToken);
        return _scopeOffices = ids.ToHashSet();
    }
}
