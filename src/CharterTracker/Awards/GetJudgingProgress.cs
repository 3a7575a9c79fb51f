using CharterTracker.Access;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Awards;

/// <summary>
/// How far the judging has got, for the organiser (the organising office's committee, administrators): per judge, how
/// many sheets are complete, partial or not started, and how many nominations they may not score (conflicts). Counts
/// only: no score leaves the sheets before judging closes, not even to the organiser.
/// </summary>
public sealed record GetJudgingProgressQuery(long CycleId) : IQuery<JudgingProgress>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AwardLookups.ReadOrganiser(CycleId)];
}

public sealed record JudgingProgress
{
    public long CycleId { get; init; }
    public AwardStage Stage { get; init; }
    public int Nominations { get; init; }
    public int Withdrawn { get; init; }
    public IReadOnlyList<JudgeProgress> Judges { get; init; } = [];
}

public sealed record JudgeProgress
{
    public long UserId { get; init; }
    public string DisplayName { get; init; } = "";
    public int Complete { get; init; }
    public int Partial { get; init; }
    public int NotStarted { get; init; }

    /// <summary>Nominations of the judge's own office's line, which they do not score.</summary>
    public int Conflicts { get; init; }
}

public sealed class GetJudgingProgressHandler(AwardStore store, AwardAccess awards) : IRequestHandler<GetJudgingProgressQuery, JudgingProgress>
{
    public async Task<JudgingProgress> Handle(GetJudgingProgressQuery query, CancellationToken cancellationToken)
    {
        var cycle = await store.CycleAsync(query.CycleId, cancellationToken);
        await awards.EnsureOrganiserAsync(cycle, cancellationToken);
        var all = await store.NominationsAsync(cycle.Id, cancellationToken);
        var open = all.Where(n => !n.Withdrawn).ToList();
        var scores = await store.ScoresAsync(cycle.Id, null, cancellationToken);
        var judges = new List<JudgeProgress>();
        foreach (var judge in cycle.Judges)
        {
            var judgePath = judge.OfficeId is { } office ? await store.PathAsync(office, cancellationToken) : null;
            int complete = 0, partial = 0, notStarted = 0, conflicts = 0;
            foreach (var nomination in open)
            {
                var nominated = await store.PathAsync(nomination.OfficeId, cancellationToken);
                if (AwardAccess.SameLine(judgePath, nominated))
                {
                    conflicts++;
                    continue;
                }
                var count = scores.Count(s => s.NominationId == nomination.Id && s.JudgeUserId == judge.UserId);
                if (count == 0) notStarted++;
                else if (count >= cycle.Criteria.Count) complete++;
                else partial++;
            }
            judges.Add(new JudgeProgress { UserId = judge.UserId, DisplayName = judge.DisplayName, Complete = complete, Partial = partial, NotStarted = notStarted, Conflicts = conflicts });
        }
        return new JudgingProgress { CycleId = cycle.Id, Stage = cycle.Stage, Nominations = open.Count, Withdrawn = all.Count - open.Count, Judges = judges };
    }
}
