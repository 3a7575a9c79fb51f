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
public sealed class ScoreRefresher(DbSession db, ScoringData data, ActionPlanStore plans, FiscalCalendar calendar, TimeProvider clock, ChangedPeriods changed,
    OfficeTreeCache trees)
    : IBeforeCommit
{
    public async Task BeforeCommitAsync(CancellationToken cancellationToken)
    {
        var (years, touched) = changed.Take();
        var inputsBefore = changed.TakeParentInputs();
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
            var tree = await trees.CurrentAsync(db, cancellationToken);
            // An office whose input to its parents reads as before the command leaves them as they were.
            var noted = offices.Where(office => inputsBefore.ContainsKey((office, year.Name))).ToList();
            var inputsAfter = noted.Count == 0 ? new Dictionary<long, string>() : await ParentInputs.ReadAsync(db, noted, year.Name, cancellationToken);
            var parents = offices.Where(office => !(inputsAfter.TryGetValue(office, out var after) && after == inputsBefore[(office, year.Name)]))
                .SelectMany(office => tree.ParentsBetween(office, year.Start, year.End)).ToList();
            offices.UnionWith(parents);
            await WriteAsync(plan, year, await data.LoadAsync(year, offices, cancellationToken, RecordDetail.Tallied, tree), offices, cancellationToken, tree);
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

    /// <summary>
    /// Recomputes every office of the year from the records themselves (not their tallies, which it recounts too), so
    /// a rebuild repairs whatever a write keeps current.
    /// </summary>
    public async Task<int> RebuildAsync(string fiscalYear, CancellationToken cancellationToken)
    {
        if (!calendar.TryParseYear(fiscalYear, out var year)) return 0;
        var plan = await plans.FindAsync(year.Name, cancellationToken);
        await db.ExecuteAsync("DELETE FROM ExpectedItems WHERE FiscalYear = @Name", new { year.Name }, cancellationToken);
        await db.ExecuteAsync("DELETE FROM OfficeScores WHERE FiscalYear = @Name", new { year.Name }, cancellationToken);
        await db.ExecuteAsync("DELETE FROM RecordTallies WHERE FiscalYear = @Name", new { year.Name }, cancellationToken);
        await db.ExecuteAsync(RecountTalliesSql, new { year.Name }, cancellationToken);
        if (plan is null) return 0;
        var offices = await data.LoadAsync(year, null, cancellationToken, RecordDetail.Each);
        await WriteAsync(plan, year, offices, null, cancellationToken);
        return offices.Count;
    }

    /// <summary>The year's <c>RecordTallies</c> counted from the records (as db 0018 first filled them).</summary>
    private const string RecountTalliesSql = """
        INSERT INTO RecordTallies (OfficeId, FiscalYear, Kind, Quarter, HasEvidence, Records, FirstRecordedOn)
        SELECT OfficeId, FiscalYear, 'CharterUpdate', COALESCE(Quarter, 0), HasEvidence, COUNT(*), MIN(RecordedOn) FROM CharterUpdates
        WHERE FiscalYear = @Name AND WithdrawnAtUtc IS NULL GROUP BY OfficeId, FiscalYear, COALESCE(Quarter, 0), HasEvidence;
        INSERT INTO RecordTallies (OfficeId, FiscalYear, Kind, Quarter, HasEvidence, Records, FirstRecordedOn)
        SELECT OfficeId, FiscalYear, Kind, COALESCE(Quarter, 0), HasEvidence, COUNT(*), MIN(RecordedOn) FROM Meetings
        WHERE FiscalYear = @Name AND WithdrawnAtUtc IS NULL GROUP BY OfficeId, FiscalYear, Kind, COALESCE(Quarter, 0), HasEvidence;
        INSERT INTO RecordTallies (OfficeId, FiscalYear, Kind, Quarter, HasEvidence, Records, FirstRecordedOn)
        SELECT OfficeId, FiscalYear, 'Training', COALESCE(Quarter, 0), HasEvidence, COUNT(*), MIN(RecordedOn) FROM Trainings
        WHERE FiscalYear = @Name AND WithdrawnAtUtc IS NULL GROUP BY OfficeId, FiscalYear, COALESCE(Quarter, 0), HasEvidence;
        INSERT INTO RecordTallies (OfficeId, FiscalYear, Kind, Quarter, HasEvidence, Records, FirstRecordedOn)
        SELECT OfficeId, FiscalYear, Kind, COALESCE(Quarter, 0), HasEvidence, COUNT(*), MIN(RecordedOn) FROM Reports
        WHERE FiscalYear = @Name AND WithdrawnAtUtc IS NULL GROUP BY OfficeId, FiscalYear, Kind, COALESCE(Quarter, 0), HasEvidence;
        """;

    /// <summary>One row of <c>ExpectedItems</c>.</summary>
    private sealed record ItemRow
    {
        public long OfficeId { get; init; }
        public int Quarter { get; init; }
        public string IndicatorCode { get; init; } = "";
        public DateOnly DueOn { get; init; }
        public DateOnly? RecordedOn { get; init; }
        public int ScoreHundredths { get; init; }
    }

    /// <summary>One row of <c>OfficeScores</c>, without the time it was computed.</summary>
    private sealed record ScoreRow
    {
        public long OfficeId { get; init; }
        public int Quarter { get; init; }
        public int ScoreHundredths { get; init; }
        public bool HasSubordinates { get; init; }
        public string Path { get; init; } = "";
        public int Expected { get; init; }
        public int OnTime { get; init; }
        public int Late { get; init; }
        public int Unrecorded { get; init; }
        public DateOnly? FirstOpenDueOn { get; init; }
        public DateOnly? LastOpenDueOn { get; init; }
        public int? RecordedScoreHundredths { get; init; }
    }

    private const string InsertItem =
        "INSERT INTO ExpectedItems (OfficeId, FiscalYear, Quarter, IndicatorCode, DueOn, RecordedOn, ScoreHundredths) VALUES (@OfficeId, @FiscalYear, @Quarter, @IndicatorCode, @DueOn, @RecordedOn, @ScoreHundredths)";

    private const string InsertScore = """
        INSERT INTO OfficeScores (OfficeId, FiscalYear, Quarter, ScoreHundredths, HasSubordinates, ComputedAtUtc, Path, Expected, OnTime, Late, Unrecorded, FirstOpenDueOn, LastOpenDueOn, RecordedScoreHundredths)
        VALUES (@OfficeId, @FiscalYear, @Quarter, @ScoreHundredths, @HasSubordinates, @Now, @Path, @Expected, @OnTime, @Late, @Unrecorded, @FirstOpenDueOn, @LastOpenDueOn, @RecordedScoreHundredths)
        """;

    /// <param name="replace">The offices whose rows are brought in line (a write); null when the year's rows were all deleted (a rebuild).</param>
    private async Task WriteAsync(ActionPlan plan, FiscalYear year, IReadOnlyDictionary<long, OfficeYear> offices, IReadOnlyCollection<long>? replace, CancellationToken cancellationToken,
        OfficeTreeSnapshot? tree = null)
    {
        var today = calendar.Today;
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = replace is null ? null : offices.Keys.ToList();
        var paths = new Dictionary<int, IReadOnlyDictionary<long, string>>();
        if (ids is null)
        {
            foreach (var quarter in year.Quarters) paths[quarter.Number] = await OfficeTree.PathsOnAsync(db, quarter.Start, null, cancellationToken);
        }
        else
        {
            tree ??= await trees.CurrentAsync(db, cancellationToken);
            foreach (var quarter in year.Quarters)
            {
                paths[quarter.Number] = ids.Select(id => (id, Path: tree.PathOn(id, quarter.Start))).Where(p => p.Path is not null).ToDictionary(p => p.id, p => p.Path!);
            }
        }
        var items = new List<ItemRow>();
        var scores = new List<ScoreRow>();
        foreach (var office in offices.Values.Where(o => o.ExpectedInYear))
        {
            var (quarters, annual) = ScoringEngine.Cards(plan, office, today);
            var expected = ScoringEngine.Items(quarters, annual).ToList();
            foreach (var (quarter, item) in expected)
            {
                items.Add(new ItemRow { OfficeId = office.OfficeId, Quarter = quarter, IndicatorCode = item.Code, DueOn = item.DueOn!.Value, RecordedOn = item.RecordedOn, ScoreHundredths = (int)Math.Round(item.Score * 100) });
            }
            var firstQuarter = quarters.Min(card => card.Quarter) ?? 1;
            foreach (var card in quarters.Append(annual))
            {
                var period = card.Quarter ?? 0;
                var own = expected.Where(e => e.Quarter == period).Select(e => e.Item).ToList();
                var open = own.Where(i => i.RecordedOn is null).ToList();
                scores.Add(new ScoreRow
                {
                    OfficeId = office.OfficeId, Quarter = period, HasSubordinates = card.HasSubordinates,
                    // Both of a quarter's scores, neither depending on today: readers pick by whether the quarter is due yet.
                    ScoreHundredths = (int)Math.Round((card.ScoreOfAllItems ?? card.Score) * 100),
                    RecordedScoreHundredths = card.ScoreOfRecordedItems is { } recorded ? (int?)Math.Round(recorded * 100) : null,
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
        if (replace is null)
        {
            await db.ExecuteAsync(InsertItem, items.Select(i => Parameters(i, year)).ToList(), cancellationToken);
            await db.ExecuteAsync(InsertScore, scores.Select(r => Parameters(r, year, now)).ToList(), cancellationToken);
            return;
        }

        // A write changes one or two of the offices' rows: only those are written (an unchanged score keeps the time
        // it was computed), which keeps a write's cost to what it changed.
        var storedItems = await db.QueryAsync<ItemRow>(
            "SELECT OfficeId, Quarter, IndicatorCode, DueOn, RecordedOn, ScoreHundredths FROM ExpectedItems WHERE FiscalYear = @Name AND OfficeId IN @replace",
            new { year.Name, replace }, cancellationToken);
        var storedScores = await db.QueryAsync<ScoreRow>(
            """
            SELECT OfficeId, Quarter, ScoreHundredths, HasSubordinates, Path, Expected, OnTime, Late, Unrecorded, FirstOpenDueOn, LastOpenDueOn, RecordedScoreHundredths
            FROM OfficeScores WHERE FiscalYear = @Name AND OfficeId IN @replace
            """, new { year.Name, replace }, cancellationToken);
        var (newItems, changedItems, goneItems) = Differences(items, storedItems, i => (i.OfficeId, i.Quarter, i.IndicatorCode));
        var (newScores, changedScores, goneScores) = Differences(scores, storedScores, r => (r.OfficeId, r.Quarter));
        foreach (var gone in goneItems)
        {
            await db.ExecuteAsync("DELETE FROM ExpectedItems WHERE OfficeId = @OfficeId AND FiscalYear = @FiscalYear AND Quarter = @Quarter AND IndicatorCode = @IndicatorCode", Parameters(gone, year), cancellationToken);
        }
        foreach (var changed in changedItems)
        {
            await db.ExecuteAsync(
                "UPDATE ExpectedItems SET DueOn = @DueOn, RecordedOn = @RecordedOn, ScoreHundredths = @ScoreHundredths WHERE OfficeId = @OfficeId AND FiscalYear = @FiscalYear AND Quarter = @Quarter AND IndicatorCode = @IndicatorCode",
                Parameters(changed, year), cancellationToken);
        }
        foreach (var added in newItems) await db.ExecuteAsync(InsertItem, Parameters(added, year), cancellationToken);
        foreach (var gone in goneScores)
        {
            await db.ExecuteAsync("DELETE FROM OfficeScores WHERE OfficeId = @OfficeId AND FiscalYear = @FiscalYear AND Quarter = @Quarter", Parameters(gone, year, now), cancellationToken);
        }
        foreach (var changed in changedScores)
        {
            await db.ExecuteAsync(
                """
                UPDATE OfficeScores SET ScoreHundredths = @ScoreHundredths, HasSubordinates = @HasSubordinates, ComputedAtUtc = @Now, Path = @Path, Expected = @Expected,
                    OnTime = @OnTime, Late = @Late, Unrecorded = @Unrecorded, FirstOpenDueOn = @FirstOpenDueOn, LastOpenDueOn = @LastOpenDueOn,
                    RecordedScoreHundredths = @RecordedScoreHundredths
                WHERE OfficeId = @OfficeId AND FiscalYear = @FiscalYear AND Quarter = @Quarter
                """, Parameters(changed, year, now), cancellationToken);
        }
        foreach (var added in newScores) await db.ExecuteAsync(InsertScore, Parameters(added, year, now), cancellationToken);
    }

    /// <summary>The computed rows missing from the stored ones, those stored differently, and the stored rows no longer computed.</summary>
    private static (List<T> New, List<T> Changed, List<T> Gone) Differences<T, TKey>(IReadOnlyList<T> computed, IReadOnlyList<T> stored, Func<T, TKey> key)
        where TKey : notnull
    {
        var before = stored.ToDictionary(key);
        var computedKeys = new HashSet<TKey>();
        List<T> added = [], changed = [];
        foreach (var row in computed)
        {
            computedKeys.Add(key(row));
            if (!before.TryGetValue(key(row), out var old)) added.Add(row);
            else if (!EqualityComparer<T>.Default.Equals(old, row)) changed.Add(row);
        }
        return (added, changed, stored.Where(row => !computedKeys.Contains(key(row))).ToList());
    }

    private static object Parameters(ItemRow row, FiscalYear year) =>
        new { row.OfficeId, FiscalYear = year.Name, row.Quarter, row.IndicatorCode, row.DueOn, row.RecordedOn, row.ScoreHundredths };

    private static object Parameters(ScoreRow row, FiscalYear year, DateTime now) => new
    {
        row.OfficeId, FiscalYear = year.Name, row.Quarter, row.ScoreHundredths, row.HasSubordinates, Now = now, row.Path,
        row.Expected, row.OnTime, row.Late, row.Unrecorded, row.FirstOpenDueOn, row.LastOpenDueOn, row.RecordedScoreHundredths,
    };
}
