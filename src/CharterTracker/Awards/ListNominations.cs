using CharterTracker.Access;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Awards;

/// <summary>
/// A cycle's nominations: all of them for its judges and its organiser's readers; for a nominating office's users,
/// those of the offices they read (their own subtree's).
/// </summary>
public sealed record ListNominationsQuery(long CycleId) : IQuery<IReadOnlyList<AwardNomination>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SignedIn];
}

public sealed class ListNominationsHandler(AwardStore store, AwardAccess awards) : IRequestHandler<ListNominationsQuery, IReadOnlyList<AwardNomination>>
{
    public async Task<IReadOnlyList<AwardNomination>> Handle(ListNominationsQuery query, CancellationToken cancellationToken)
    {
        var cycle = await store.CycleAsync(query.CycleId, cancellationToken);
        await awards.EnsureCanSeeAsync(cycle, cancellationToken);
        var all = await store.NominationsAsync(cycle.Id, cancellationToken);
        if (awards.IsAdmin || await awards.ReadsOrganiserAsync(cycle, cancellationToken) || await awards.IsJudgeAsync(cycle, cancellationToken)) return all;
        var visible = new List<AwardNomination>();
        foreach (var nomination in all)
        {
            if (await awards.ReadsAsync(nomination.OfficeId, cancellationToken)) visible.Add(nomination);
        }
        return visible;
    }
}
