using CharterTracker.ActionPlans;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Offices;
using CharterTracker.Pipeline;

namespace CharterTracker.Scoring;

/// <summary>
/// Keeps the read model (<c>ExpectedItems</c>, <c>OfficeScores</c>) in step with the records. A command marks what it
/// touched (<see cref="ChangedPeriods"/>); before the command's transaction commits (<see cref="IBeforeCommit"/>), the touched offices — and their parents, whose indicator 1.2.1
/// counts their updates — are recomputed, so a write shows in roll-ups as soon as it is committed. A whole year can
/// be rebuilt from the records at any time.
/// </summary>
public sealed class ScoreRefresher(DbSession db, ScoringData data, ActionPlanStore plans, FiscalCalendar calendar, TimeProvider clock, ChangedPeriods changed)
    : IBeforeCommit
{
    public async Task BeforeCommitAsync(CancellationToken cancellationToken)
    {
        var (years, touched) = changed.Take();
        foreach (var fiscalYear in years)
        {
            await RebuildAsync(fiscalYear, cancellationToken);
        }
        foreach (var group in touched.Where(t => !years.Contains(t.FiscalYear)).GroupBy(t => t.FiscalYear).ToList())
        {
            if (group.Count() > 500)
            {
                // An import of thousands of offices: one set-based rebuild beats thousands of targeted ones.
                await RebuildAsync(group.Key, cancellationToken);
                continue;
            }
            if (!calendar.TryParseYear(group.Key, out var year)) continue;
            var plan = await plans.FindAsync(year.Name, cancellationToken);
            if (plan is null) continue;
            var offices = group.Select(t => t.OfficeId).ToHashSet();
            var parents = await db.QueryAsync<long>(
                """
                SELECT DISTINCT ParentId FROM OfficePlacements
                WHERE OfficeId IN @offices AND ParentId IS NOT NULL AND ValidFrom <= @End AND (ValidUntil IS NULL OR ValidUntil > @Start)
                """, new { offices, year.Start, year.End }, cancellationToken);
            offices.UnionWith(parents);
            await WriteAsync(plan, year, await data.LoadAsync(year, offices, cancellationToken), offices, cancellationToken);
        }
    }

    /// <summary>
    /// At start-up: rebuilds each year whose read model was written before it recorded the period's paths and totals
    /// (db 0007), in a transaction of its own. Returns the years rebuilt.
    /// </summary>
    public async Task<IReadOnlyList<string>> RebuildOutdatedAsync(CancellationToken cancellationToken)
    {
        var years = await db.QueryAsync<string>("SELECT DISTINCT FiscalYear FROM OfficeScores WHERE Path = ''", null, cancellationToken);
        var rebuilt = new List<string>();
        foreach (var year in years)
        {
            await db.BeginAsync(cancellationToken);
            // Another node starting at the same time may have rebuilt it while this one waited for the lock.
            if (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM OfficeScores WHERE FiscalYear = @year AND Path = ''", new { year }, cancellationToken) > 0)
            {
                await RebuildAsync(year, cancellationToken);
                rebuilt.Add(year);
            }
            await db.CommitAsync(cancellationToken);
        }
        return rebuilt;
    }

    /// <summary>Recomputes every office of the year from the records.</summary>
    public async Task<int> RebuildAsync(string fiscalYear, CancellationToken cancellationToken)
    {
        if (!calendar.TryParseYear(fiscalYear, out var year)) return 0;
        var plan = await plans.FindAsync(year.Name, cancellationToken);
        await db.ExecuteAsync("DELETE FROM ExpectedItems WHERE FiscalYear = @Name", new { year.Name }, cancellationToken);
        await db.ExecuteAsync("DELETE FROM OfficeScores WHERE FiscalYear = @Name", new { year.Name }, cancellationToken);
        if (plan is null) return 0;
        var offices = await data.LoadAsync(year, null, cancellationToken);
        await WriteAsync(plan, year, offices, null, cancellationToken);
        return offices.Count;
    }

    private async Task WriteAsync(ActionPlan plan, FiscalYear year, IReadOnlyDictionary<long, OfficeYear> offices, IReadOnlyCollection<long>? replace, CancellationToken cancellationToken)
    {
        if (replace is not null)
        {
            await db.ExecuteAsync("DELETE FROM ExpectedItems WHERE FiscalYear = @Name AND OfficeId IN @replace", new { year.Name, replace }, cancellationToken);
            await db.ExecuteAsync("DELETE FROM OfficeScores WHERE FiscalYear = @Name AND OfficeId IN @replace", new { year.Name, replace }, cancellationToken);
        }
        var today = calendar.Today;
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = replace is null ? null : offices.Keys.ToList();
        var paths = new Dictionary<int, IReadOnlyDictionary<long, string>>();
        foreach (var quarter in year.Quarters) paths[quarter.Number] = await OfficeTree.PathsOnAsync(db, quarter.Start, ids, cancellationToken);
        var items = new List<object>();
        var scores = new List<object>();
        foreach (var office in offices.Values.Where(o => o.ExpectedInYear))
        {
            var (quarters, annual) = ScoringEngine.Cards(plan, office, today);
            var expected = ScoringEngine.Items(quarters, annual).ToList();
            foreach (var (quarter, item) in expected)
            {
                items.Add(new { office.OfficeId, year.Name, Quarter = quarter, item.Code, item.DueOn, item.RecordedOn, Score = (int)Math.Round(item.Score * 100) });
            }
            var firstQuarter = quarters.Min(card => card.Quarter) ?? 1;
            foreach (var card in quarters.Append(annual))
            {
                var period = card.Quarter ?? 0;
                var own = expected.Where(e => e.Quarter == period).Select(e => e.Item).ToList();
                var open = own.Where(i => i.RecordedOn is null).ToList();
                scores.Add(new
                {
                    office.OfficeId, year.Name, Quarter = period, card.HasSubordinates, now,
                    // Both of a quarter's scores, neither depending on today: readers pick by whether the quarter is due yet.
                    Score = (int)Math.Round((card.ScoreOfAllItems ?? card.Score) * 100),
                    RecordedScore = card.ScoreOfRecordedItems is { } recorded ? (int?)Math.Round(recorded * 100) : null,
                    Path = paths[card.Quarter ?? firstQuarter].GetValueOrDefault(office.OfficeId) ?? "",
                    Expected = own.Count,
                    OnTime = own.Count(i => i.RecordedOn is { } recorded && recorded <= i.DueOn),
                    Late = own.Count(i => i.RecordedOn is { } recorded && recorded > i.DueOn),
                    Unrecorded = open.Count,
                    FirstOpenDueOn = open.Min(i => i.DueOn),
                    LastOpenDueOn = open.Max(i => i.DueOn),
                });
            }
        }
        await db.ExecuteAsync(
            "INSERT INTO ExpectedItems (OfficeId, FiscalYear, Quarter, IndicatorCode, DueOn, RecordedOn, ScoreHundredths) VALUES (@OfficeId, @Name, @Quarter, @Code, @DueOn, @RecordedOn, @Score)",
            items, cancellationToken);
        await db.ExecuteAsync(
            """
            INSERT INTO OfficeScores (OfficeId, FiscalYear, Quarter, ScoreHundredths, HasSubordinates, ComputedAtUtc, Path, Expected, OnTime, Late, Unrecorded, FirstOpenDueOn, LastOpenDueOn, RecordedScoreHundredths)
            VALUES (@OfficeId, @Name, @Quarter, @Score, @HasSubordinates, @now, @Path, @Expected, @OnTime, @Late, @Unrecorded, @FirstOpenDueOn, @LastOpenDueOn, @RecordedScore)
            """,
            scores, cancellationToken);
    }
}
