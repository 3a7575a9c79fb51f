using CharterTracker.Activities;
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
    private IReadOnlyList<string>? _scope;

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
            case AccessKind.ReadRecord:
            case AccessKind.WriteRecord:
                var kind = demand.Record ?? throw new InvalidOperationException("A record demand needs a record kind.");
                var recordOffice = await db.QuerySingleOrDefaultAsync<long?>(
                    $"SELECT OfficeId FROM {RecordTables.Of(kind)} WHERE Id = @RecordId", new { demand.RecordId }, cancellationToken)
                    ?? throw new NotFoundException($"{kind} {demand.RecordId} does not exist.");
                await DemandAsync(demand.Kind == AccessKind.ReadRecord ? AccessDemand.Read(recordOffice) : AccessDemand.Write(recordOffice), cancellationToken);
                return;
            case AccessKind.ReadOffice:
            case AccessKind.WriteOffice:
                var officeId = demand.OfficeId ?? throw new InvalidOperationException("An office demand needs an office id.");
                FirstOfficeChecked ??= officeId;
                var path = await db.QuerySingleOrDefaultAsync<string>("SELECT Path FROM Offices WHERE Id = @officeId", new { officeId }, cancellationToken)
                    ?? throw new NotFoundException($"Office {officeId} does not exist.");
                if (user.Role == Role.SystemAdmin) return;
                if (demand.Kind == AccessKind.WriteOffice && user.Role != Role.FocalPoint)
                {
                    throw new ForbiddenException($"A {user.Role} may read but not change the records of office {officeId}.");
                }
                if (!(await ScopeAsync(cancellationToken)).Any(prefix => path.StartsWith(prefix, StringComparison.Ordinal)))
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

    /// <summary>Path prefixes of the subtrees the caller may read, for filtering lists in SQL.</summary>
    public async Task<IReadOnlyList<string>> ScopeAsync(CancellationToken cancellationToken)
    {
        if (_scope is not null) return _scope;
        if (user.OfficeId is null && user.Role != Role.FocalPoint) return _scope = [];
        const string sql = """
            SELECT o.Path FROM Offices o WHERE o.Id = @OfficeId
            UNION
            SELECT o.Path FROM FocalPointAssignments a JOIN Offices o ON o.Id = a.OfficeId
            WHERE a.UserId = @UserId AND a.ValidFrom <= @Today AND (a.ValidUntil IS NULL OR a.ValidUntil > @Today)
            """;
        var paths = await db.QueryAsync<string>(sql, new { user.OfficeId, UserId = user.UserId ?? -1, calendar.Today }, cancellationToken);
        return _scope = paths;
    }
}
