using CharterTracker.Access;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Awards;

/// <summary>
/// A judge's own scoring sheet for the cycle: every nomination that is not withdrawn × every criterion, with the
/// scores the judge has given (never another judge's), and which nominations they may not score (their own line).
/// </summary>
public sealed record GetScoringSheetQuery(long CycleId) : IQuery<ScoringSheet>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SignedIn];
}

public sealed record ScoringSheet
{
    public AwardCycle Cycle { get; init; } = null!;
    public IReadOnlyList<ScoringSheetRow> Rows { get; init; } = [];
}

public sealed record ScoringSheetRow
{
    public AwardNomination Nomination { get; init; } = null!;
    public IReadOnlyList<AwardScore> Scores { get; init; } = [];
    public bool Complete { get; init; }

    /// <summary>The nomination is of the judge's own office's line: not theirs to score.</summary>
    public bool Conflict { get; init; }
}

public sealed class GetScoringSheetHandler(AwardStore store, AwardAccess awards, CurrentUser user) : IRequestHandler<GetScoringSheetQuery, ScoringSheet>
{
    public async Task<ScoringSheet> Handle(GetScoringSheetQuery query, CancellationToken cancellationToken)
    {
        var cycle = await store.CycleAsync(query.CycleId, cancellationToken);
        if (!await awards.IsJudgeAsync(cycle, cancellationToken))
        {
            throw new ForbiddenException(Say.Text("আপনি এই পুরস্কার চক্রের বিচারক নন।", $"You are not a judge of award cycle {cycle.Id}."));
        }
        var mine = await store.ScoresAsync(cycle.Id, user.UserId, cancellationToken);
        var rows = new List<ScoringSheetRow>();
        foreach (var nomination in (await store.NominationsAsync(cycle.Id, cancellationToken)).Where(n => !n.Withdrawn))
        {
            var scores = cycle.Criteria.Select(c => mine.FirstOrDefault(s => s.NominationId == nomination.Id && s.CriterionCode == c.Code))
                .Where(s => s is not null).Select(s => new AwardScore { CriterionCode = s!.CriterionCode, Score = s.Score }).ToList();
            rows.Add(new ScoringSheetRow
            {
                Nomination = nomination, Scores = scores, Complete = scores.Count == cycle.Criteria.Count,
                Conflict = await awards.ConflictsAsync(nomination.OfficeId, cancellationToken),
            });
        }
        return new ScoringSheet { Cycle = cycle, Rows = rows };
    }
}
