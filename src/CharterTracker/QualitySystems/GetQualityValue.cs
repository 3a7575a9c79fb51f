using CharterTracker.Access;
using CharterTracker.Activities;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.QualitySystems;

public sealed record GetQualityValueQuery(long Id) : IQuery<QualityValue>
{
    public IEnumerable<AccessDemand> AccessDemands() => [RecordAccess.Read(RecordKind.QualityValue, Id)];
}

public sealed class GetQualityValueHandler(DbSession db, RecordLifecycle records) : IRequestHandler<GetQualityValueQuery, QualityValue>
{
    public Task<QualityValue> Handle(GetQualityValueQuery query, CancellationToken cancellationToken) => QualityValueStore.GetAsync(db, records, query.Id, cancellationToken);
}
