using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.CharterUpdates;

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
