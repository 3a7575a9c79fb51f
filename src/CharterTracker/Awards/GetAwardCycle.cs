using CharterTracker.Access;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Awards;

/// <summary>A cycle with its categories, criteria, judges and today's stage: for its judges, its organiser's readers and the offices that may nominate.</summary>
public sealed record GetAwardCycleQuery(long Id) : IQuery<AwardCycle>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SignedIn];
}

public sealed class GetAwardCycleHandler(AwardStore store, AwardAccess awards) : IRequestHandler<GetAwardCycleQuery, AwardCycle>
{
    public async Task<AwardCycle> Handle(GetAwardCycleQuery query, CancellationToken cancellationToken)
    {
        var cycle = await store.CycleAsync(query.Id, cancellationToken);
        await awards.EnsureCanSeeAsync(cycle, cancellationToken);
        return cycle;
    }
}
