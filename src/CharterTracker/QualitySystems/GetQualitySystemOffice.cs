using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.QualitySystems;

/// <summary>The office a quality system belongs to, for a caller who may read that office (the pages start from a system's id).</summary>
public sealed record GetQualitySystemOfficeQuery(long Id) : IQuery<long>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.ReadOfficeOf(QualitySystemStore.OfficeOf(Id))];
}

public sealed class GetQualitySystemOfficeHandler(DbSession db) : IRequestHandler<GetQualitySystemOfficeQuery, long>
{
    public async Task<long> Handle(GetQualitySystemOfficeQuery query, CancellationToken cancellationToken) =>
        (await QualitySystemStore.GetAsync(db, query.Id, cancellationToken)).OfficeId;
}
