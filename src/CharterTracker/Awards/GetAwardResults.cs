using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Awards;

/// <summary>
/// The cycle's ranked results (<see cref="AwardRanking"/>), by category in the cycle's order. Sealed until judging
/// closes: before the day after the last day of judging every caller, the organiser and administrators included, gets
/// 409 — no score, partial or whole, leaves the judges' sheets while judging is open.
/// </summary>
public sealed record GetAwardResultsQuery(long CycleId) : IQuery<IReadOnlyList<AwardResult>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SignedIn];
}

public sealed class GetAwardResultsHandler(AwardStore store, AwardAccess awards) : IRequestHandler<GetAwardResultsQuery, IReadOnlyList<AwardResult>>
{
    public async Task<IReadOnlyList<AwardResult>> Handle(GetAwardResultsQuery query, CancellationToken cancellationToken)
    {
        var cycle = await store.CycleAsync(query.CycleId, cancellationToken);
        await awards.EnsureCanSeeAsync(cycle, cancellationToken);
        EnsureClosed(cycle);
        return await ResultsAsync(store, cycle, cancellationToken);
    }

    internal static void EnsureClosed(AwardCycle cycle)
    {
        if (cycle.Stage != AwardStage.Closed)
        {
            throw new ConflictException(Say.Text(
                $"মূল্যায়ন {BengaliDigits.Date(cycle.JudgingClosesOn)} তারিখে শেষ হবে; তার আগে নম্বর ও ফলাফল গোপন থাকে।",
                $"Judging closes on {cycle.JudgingClosesOn:yyyy-MM-dd}; until then the scores and results are sealed."));
        }
    }

    internal static async Task<IReadOnlyList<AwardResult>> ResultsAsync(AwardStore store, AwardCycle cycle, CancellationToken cancellationToken)
    {
        var nominations = (await store.NominationsAsync(cycle.Id, cancellationToken)).Where(n => !n.Withdrawn).ToList();
        var scores = await store.ScoresAsync(cycle.Id, null, cancellationToken);
        var results = new List<AwardResult>();
        foreach (var category in cycle.Categories)
        {
            var scored = new List<AwardResult>();
            foreach (var nomination in nominations.Where(n => n.CategoryCode == category.Code))
            {
                var sheets = scores.Where(s => s.NominationId == nomination.Id).GroupBy(s => s.JudgeUserId)
                    .Select(sheet => (IReadOnlyDictionary<string, decimal>)sheet.ToDictionary(s => s.CriterionCode, s => s.Score));
                if (AwardRanking.Score(cycle.Criteria, sheets) is not { } score) continue;
                scored.Add(new AwardResult
                {
                    CategoryCode = category.Code, NominationId = nomination.Id, OfficeId = nomination.OfficeId, Score = score.Score, Judges = score.Judges,
                    OfficeNameBn = nomination.OfficeNameBn, OfficeNameEn = nomination.OfficeNameEn, Title = nomination.Title,
                });
            }
            results.AddRange(AwardRanking.Rank(scored, r => r.Score).Select(x => x.Item with { Rank = x.Rank })
                .OrderBy(r => r.Rank).ThenBy(r => r.NominationId));
        }
        return results;
    }
}
