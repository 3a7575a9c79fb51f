using CharterTracker.Access;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.QualitySystems;

/// <summary>The systems an office can adopt by name: ISO 9001 and the P.S.O. standard's ten core systems.</summary>
public sealed record ListQualitySystemCatalogQuery : IQuery<IReadOnlyList<CatalogSystem>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SignedIn];
}

public sealed class ListQualitySystemCatalogHandler : IRequestHandler<ListQualitySystemCatalogQuery, IReadOnlyList<CatalogSystem>>
{
    public Task<IReadOnlyList<CatalogSystem>> Handle(ListQualitySystemCatalogQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(QualitySystemCatalog.Systems);
}
