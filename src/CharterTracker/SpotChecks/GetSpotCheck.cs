using CharterTracker.Access;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.SpotChecks;

/// <summary>A spot check with its sampled services and their findings: anyone who reads the committee's office.</summary>
public sealed record GetSpotCheckQuery(long Id) : IQuery<SpotCheck>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.ReadOfficeOf(SpotCheckStore.OfficeOf(Id))];
}

public sealed class GetSpotCheckHandler(SpotCheckStore store) : IRequestHandler<GetSpotCheckQuery, SpotCheck>
{
    public Task<SpotCheck> Handle(GetSpotCheckQuery query, CancellationToken cancellationToken) => store.GetAsync(query.Id, cancellationToken);
}
