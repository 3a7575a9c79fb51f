using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Reports;

public sealed record ListReportsQuery(long OfficeId, string? FiscalYear = null) : IQuery<IReadOnlyList<Report>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class ListReportsHandler(DbSession db) : IRequestHandler<ListReportsQuery, IReadOnlyList<Report>>
{
    public async Task<IReadOnlyList<Report>> Handle(ListReportsQuery query, CancellationToken cancellationToken) =>
        await db.QueryAsync<Report>(
            ReportStore.Table.Select + " WHERE OfficeId = @OfficeId AND (@FiscalYear IS NULL OR FiscalYear = @FiscalYear) ORDER BY SubmittedOn DESC, Id DESC",
            query, cancellationToken);
}
