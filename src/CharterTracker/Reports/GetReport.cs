using CharterTracker.Access;
using CharterTracker.Activities;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Reports;

public sealed record GetReportQuery(long Id) : IQuery<Report>
{
    public IEnumerable<AccessDemand> AccessDemands() => [RecordAccess.Read(RecordKind.Report, Id)];
}

public sealed class GetReportHandler(DbSession db, RecordLifecycle records) : IRequestHandler<GetReportQuery, Report>
{
    public Task<Report> Handle(GetReportQuery query, CancellationToken cancellationToken) => ReportStore.GetAsync(db, records, query.Id, cancellationToken);
}
