using CharterTracker.Access;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Awards;

/// <summary>
/// Every judge's scores of every nomination, once judging has closed (409 before, for everyone): for the organiser
/// and the cycle's judges, so that a result can be checked by hand. <c>counted</c> says whether the sheet was complete.
/// </summary>
public sealed record ListJudgeScoresQuery(long CycleId) : IQuery<IReadOnlyList<JudgeScore>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SignedIn];
}

public sealed record JudgeScore
{
    public long NominationId { get; init; }
    public long JudgeUserId { get; init; }
    public string JudgeName { get; init; } = "";
    public string CriterionCode { get; init; } = "";
    public decimal Score { get; init; }
    public bool Counted { get; init; }
}

public sealed class ListJudgeScoresHandler(AwardStore store, AwardAccess awards) : IRequestHandler<ListJudgeScoresQuery, IReadOnlyList<JudgeScore>>
{
    public async Task<IReadOnlyList<JudgeScore>> Handle(ListJudgeScoresQuery query, CancellationToken cancellationToken)
    {
        var cycle = await store.CycleAsync(query.CycleId, cancellationToken);
        if (!await awards.IsJudgeAsync(cycle, cancellationToken)) await awards.EnsureOrganiserAsync(cycle, cancellationToken);
        GetAwardResultsHandler.EnsureClosed(cycle);
        var scores = await store.ScoresAsync(cycle.Id, null, cancellationToken);
        var complete = scores.GroupBy(s => (s.NominationId, s.JudgeUserId)).Where(g => g.Count() >= cycle.Criteria.Count).Select(g => g.Key).ToHashSet();
        return scores.Select(s => new JudgeScore
        {
            NominationId = s.NominationId, JudgeUserId = s.JudgeUserId, JudgeName = s.JudgeName, CriterionCode = s.CriterionCode, Score = s.Score,
            Counted = complete.Contains((s.NominationId, s.JudgeUserId)),
        }).ToList();
    }
}
