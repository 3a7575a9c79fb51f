using CharterTracker.ActionPlans;
using CharterTracker.Calendar;
using CharterTracker.Data;

namespace CharterTracker.Scoring;

/// <summary>
/// Keeps the read model (<c>ExpectedItems</c>, <c>OfficeScores</c>) in step with the records. A command marks what it
/// touched; before the command's transaction commits, the touched offices — and their parents, whose indicator 1.2.1
/// counts their updates — are recomputed, so a write shows in roll-ups as soon as it is committed. A whole year can
/// be rebuilt from the records at any time.
/// </summary>
public sealed class ScoreRefresher(DbSession db, ScoringData data, ActionPlanStore plans, FiscalCalendar calendar, TimeProvider clock)
{
    private readonly HashSet<(long OfficeId, string FiscalYear)> _touched = [];
    private readonly HashSet<string> _years = [];

    public void Mark(long officeId, string fiscalYear) => _touched.Add((officeId, fiscalYear));

    /// <summary>Every office of the year (a plan changed).</summary>
    public void RefreshYear(string fiscalYear) => _years.Add(fiscalYear);

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var fiscalYear in _years.ToList())
        {
            await RebuildAsync(fiscalYear, cancellationToken);
            _touched.RemoveWhere(t => t.FiscalYear == fiscalYear);
        }
        _years.Clear();
        foreach (var group in _touched.GroupBy(t => t.FiscalYear).ToList())
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
        _touched.Clear();
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
        var items = new List<object>();
        var scores = new List<object>();
        foreach (var office in offices.Values.Where(o => o.ExpectedInYear))
        {
            var (quarters, annual) = ScoringEngine.Cards(plan, office, today);
            foreach (var (quarter, item) in ScoringEngine.Items(quarters, annual))
            {
                items.Add(new { office.OfficeId, year.Name, Quarter = quarter, item.Code, item.DueOn, item.RecordedOn });
            }
            foreach (var card in quarters.Append(annual))
            {
                scores.Add(new { office.OfficeId, year.Name, Quarter = card.Quarter ?? 0, Score = (int)Math.Round(card.Score * 100), card.HasSubordinates, now });
            }
        }
        await db.ExecuteAsync(
            "INSERT INTO ExpectedItems (OfficeId, FiscalYear, Quarter, IndicatorCode, DueOn, RecordedOn) VALUES (@OfficeId, @Name, @Quarter, @Code, @DueOn, @RecordedOn)",
            items, cancellationToken);
        await db.ExecuteAsync(
            "INSERT INTO OfficeScores (OfficeId, FiscalYear, Quarter, ScoreHundredths, HasSubordinates, ComputedAtUtc) VALUES (@OfficeId, @Name, @Quarter, @Score, @HasSubordinates, @now)",
            scores, cancellationToken);
    }
}
