using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.QualitySystems;

public sealed record GetQualityIndicatorQuery(long Id) : IQuery<QualityIndicator>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.ReadOfficeOf(QualityIndicatorStore.OfficeOf(Id))];
}

public sealed class GetQualityIndicatorHandler(DbSession db) : IRequestHandler<GetQualityIndicatorQuery, QualityIndicator>
{
    public Task<QualityIndicator> Handle(GetQualityIndicatorQuery query, CancellationToken cancellationToken) => QualityIndicatorStore.GetAsync(db, query.Id, cancellationToken);
}
