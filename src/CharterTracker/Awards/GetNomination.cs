using CharterTracker.Access;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Awards;

/// <summary>A nomination: for readers of the nominated or the organising office, and the cycle's judges.</summary>
public sealed record GetNominationQuery(long Id) : IQuery<AwardNomination>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SignedIn];
}

public sealed class GetNominationHandler(AwardStore store, AwardAccess awards) : IRequestHandler<GetNominationQuery, AwardNomination>
{
    public async Task<AwardNomination> Handle(GetNominationQuery query, CancellationToken cancellationToken)
    {
        var nomination = await store.NominationAsync(query.Id, cancellationToken);
        await awards.EnsureCanSeeAsync(nomination, await store.CycleAsync(nomination.CycleId, cancellationToken), cancellationToken);
        return nomination;
    }
}
