using CharterTracker.Access;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.SpotChecks;

/// <summary>
/// Repeats a spot check's draw from its stored seed over the charter versions it read, and says whether the same
/// services come out in the same order: the check that the sample was drawn as stated, not picked.
/// </summary>
public sealed record VerifySpotCheckDrawQuery(long Id) : IQuery<SpotCheckDrawVerification>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.ReadOfficeOf(SpotCheckStore.OfficeOf(Id))];
}

public sealed record SpotCheckDrawVerification(long SpotCheckId, long Seed, string Method, int Population, bool Matches,
    IReadOnlyList<SampledService> Stored, IReadOnlyList<SampledService> Repeated);

public sealed class VerifySpotCheckDrawHandler(SpotCheckStore store) : IRequestHandler<VerifySpotCheckDrawQuery, SpotCheckDrawVerification>
{
    public async Task<SpotCheckDrawVerification> Handle(VerifySpotCheckDrawQuery query, CancellationToken cancellationToken)
    {
        var check = await store.GetAsync(query.Id, cancellationToken);
        var population = await store.PopulationOfAsync(query.Id, cancellationToken);
        var repeated = SpotCheckSampler.Draw(check.Seed, population, check.SampleSize);
        var stored = check.Items.Select(i => new SampledService(i.OfficeId, i.CharterVersionId, i.ServiceId)).ToList();
        return new SpotCheckDrawVerification(check.Id, check.Seed, SpotCheckSampler.Method, population.Count,
            population.Count == check.Population && repeated.SequenceEqual(stored), stored, repeated);
    }
}
