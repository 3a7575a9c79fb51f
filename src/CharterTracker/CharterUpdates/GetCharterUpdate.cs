using CharterTracker.Access;
using CharterTracker.Activities;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.CharterUpdates;

public sealed record GetCharterUpdateQuery(long Id) : IQuery<CharterUpdate>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.ReadRecord(RecordKind.CharterUpdate, Id)];
}

public sealed class GetCharterUpdateHandler(DbSession db, RecordLifecycle records) : IRequestHandler<GetCharterUpdateQuery, CharterUpdate>
{
    public Task<CharterUpdate> Handle(GetCharterUpdateQuery query, CancellationToken cancellationToken) =>
        CharterUpdateStore.GetAsync(db, records, query.Id, cancellationToken);
}

/// <summary>An office's charter updates, optionally of one fiscal year, newest first; withdrawn ones included and marked.</summary>
public sealed record ListCharterUpdatesQuery(long OfficeId, string? FiscalYear = null) : IQuery<IReadOnlyList<CharterUpdate>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class ListCharterUpdatesHandler(DbSession db) : IRequestHandler<ListCharterUpdatesQuery, IReadOnlyList<CharterUpdate>>
{
    public async Task<IReadOnlyList<CharterUpdate>> Handle(ListCharterUpdatesQuery query, CancellationToken cancellationToken) =>
        await db.QueryAsync<CharterUpdate>(
            CharterUpdateStore.Table.Select + " WHERE OfficeId = @OfficeId AND (@FiscalYear IS NULL OR FiscalYear = @FiscalYear) ORDER BY UpdatedOn DESC, Id DESC",
            query, cancellationToken);
}
