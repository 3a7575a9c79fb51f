using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.QualitySystems;

/// <summary>The office's quality systems, retired ones included (marked by their day), each with its indicators.</summary>
public sealed record ListQualitySystemsQuery(long OfficeId) : IQuery<IReadOnlyList<QualitySystem>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class ListQualitySystemsHandler(DbSession db) : IRequestHandler<ListQualitySystemsQuery, IReadOnlyList<QualitySystem>>
{
    public async Task<IReadOnlyList<QualitySystem>> Handle(ListQualitySystemsQuery query, CancellationToken cancellationToken)
    {
        var systems = await QualitySystemStore.OfOfficesAsync(db, [query.OfficeId], cancellationToken);
        var indicators = (await QualityIndicatorStore.OfAdoptionsAsync(db, systems.Select(s => s.Id).ToList(), cancellationToken)).ToLookup(i => i.QualitySystemId);
        return systems.Select(s => s with { Indicators = indicators[s.Id].ToList() }).ToList();
    }
}
