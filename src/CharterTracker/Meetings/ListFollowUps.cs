using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Meetings;

/// <summary>Follow-ups decided at the office's meetings or owned by the office; by default the ones not yet done.</summary>
public sealed record ListFollowUpsQuery(long OfficeId, bool IncludeDone = false) : IQuery<IReadOnlyList<FollowUp>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class ListFollowUpsHandler(DbSession db, FiscalCalendar calendar) : IRequestHandler<ListFollowUpsQuery, IReadOnlyList<FollowUp>>
{
    public async Task<IReadOnlyList<FollowUp>> Handle(ListFollowUpsQuery query, CancellationToken cancellationToken) =>
        (await db.QueryAsync<FollowUp>(
            $"""
            {FollowUp.Select}
            WHERE (m.OfficeId = @OfficeId OR f.OwnerOfficeId = @OfficeId) AND m.WithdrawnAtUtc IS NULL AND (@IncludeDone = 1 OR f.Status = 'Open')
            ORDER BY f.DueOn, f.Id
            """,
            new { query.OfficeId, IncludeDone = query.IncludeDone ? 1 : 0 }, cancellationToken))
        .Select(f => f.WithStatusOn(calendar.Today)).ToList();
}
