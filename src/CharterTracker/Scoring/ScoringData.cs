using CharterTracker.ActionPlans;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Offices;

namespace CharterTracker.Scoring;

/// <summary>
/// Reads what the engine needs for a fiscal year, for a few offices (after a write) or for all of them (a rebuild),
/// in a handful of set-based queries. The tree is read as it stood on each quarter's first day.
/// Internal branches (শাখা) are part of their office: they are neither expected nor counted as subordinates.
/// </summary>
public sealed class ScoringData(DbSession db, OfficeTreeCache trees)
{
    private sealed class Placement
    {
        public int Quarter { get; init; }
        public long OfficeId { get; init; }
        public long? ParentId { get; init; }
    }

    private sealed class RecordRow
    {
        public string Kind { get; init; } = "";
        public long Id { get; init; }
        public long OfficeId { get; init; }
        /// <summary>
        /// The record's quarter; none for a record of the year. Tallies store 0 for none and are read as stored: a column
        /// computed in SQL (NULLIF) has no declared type, so SQLite types it by each row's value, and Dapper's reader,
        /// built from the first row it meets, fails on a later row whose type differs.
        /// </summary>
        public int? Quarter { get => _quarter == 0 ? null : _quarter; init => _quarter = value; }

        private readonly int? _quarter;

        public bool HasEvidence { get; init; }
        public DateOnly RecordedOn { get; init; }

        /// <summary>A tally row stands for this many records (<see cref="RecordDetail.Tallied"/>); a record is one.</summary>
        public int Records { get; init; } = 1;
    }

    private sealed class OverrideRow
    {
        public long OfficeId { get; init; }
        public int Quarter { get; init; }
        public string IndicatorCode { get; init; } = "";
        public int ScoreHundredths { get; init; }
        public string Remark { get; init; } = "";
        public string OverriddenBy { get; init; } = "";
        public DateTime OverriddenAtUtc { get; init; }
    }

    private sealed class Existing
    {
        public int Quarter { get; init; }
        public long Id { get; init; }
    }

    private const string ExistsOn = "o.Kind <> 'Branch' AND o.ActiveFrom <= d.Day AND (o.ActiveUntil IS NULL OR o.ActiveUntil > d.Day)";

    /// <summary>Each quarter's number and first day as a table <c>d (Quarter, Day)</c>, from the parameters <c>@Day1</c>…<c>@Day4</c>.</summary>
    private static string QuarterDays(FiscalYear year) =>
        "(" + string.Join(" UNION ALL ", year.Quarters.Select(q => $"SELECT {q.Number} AS Quarter, @Day{q.Number} AS Day")) + ") d";

    /// <param name="officeIds">The offices to score; null for every office.</param>
    /// <param name="tree">The tree in memory when the caller holds it already (a write's refresh reads it once).</param>
    /// <param name="detail">How much of the records to read: each record (a scorecard names the records that counted), their tallies (the read model), or none (the tree's facts only).</param>
    public async Task<IReadOnlyDictionary<long, OfficeYear>> LoadAsync(FiscalYear year, IReadOnlyCollection<long>? officeIds, CancellationToken cancellationToken,
        RecordDetail detail = RecordDetail.Each, OfficeTreeSnapshot? tree = null)
    {
        var ids = officeIds?.Distinct().ToList();
        string Only(string column) => ids is null ? "" : $" AND {column} IN @Ids";

        // The tree on each quarter's first day: who existed, and who hung under whom. A few offices (a write, a
        // scorecard) ask the tree held in memory; every office (a rebuild) reads it set-based, the four days in one
        // statement each.
        Dictionary<int, HashSet<long>> existing;
        Dictionary<int, Dictionary<long, List<long>>> children;
        if (ids is not null)
        {
            tree ??= await trees.CurrentAsync(db, cancellationToken);
            existing = year.Quarters.ToDictionary(q => q.Number, q => ids.Where(id => tree.ExistsOn(id, q.Start)).ToHashSet());
            children = year.Quarters.ToDictionary(q => q.Number, q => ids.ToDictionary(id => id, id => tree.ChildrenOn(id, q.Start).ToList()));
        }
        else
        {
            var days = new Dapper.DynamicParameters();
            foreach (var quarter in year.Quarters) days.Add($"Day{quarter.Number}", quarter.Start);
            var existingRows = await db.QueryAsync<Existing>($"SELECT d.Quarter, o.Id FROM {QuarterDays(year)} JOIN Offices o ON {ExistsOn}", days, cancellationToken);
            var placementRows = await db.QueryAsync<Placement>(
                $"""
                SELECT d.Quarter, p.OfficeId, p.ParentId FROM {QuarterDays(year)}
                JOIN OfficePlacements p ON p.ValidFrom <= d.Day AND (p.ValidUntil IS NULL OR p.ValidUntil > d.Day)
                JOIN Offices o ON o.Id = p.OfficeId
                WHERE p.ParentId IS NOT NULL AND {ExistsOn}
                """, days, cancellationToken);
            existing = year.Quarters.ToDictionary(q => q.Number, q => existingRows.Where(e => e.Quarter == q.Number).Select(e => e.Id).ToHashSet());
            children = year.Quarters.ToDictionary(q => q.Number, q => placementRows.Where(p => p.Quarter == q.Number)
                .GroupBy(p => p.ParentId!.Value).ToDictionary(g => g.Key, g => g.Select(p => p.OfficeId).ToList()));
        }

        IReadOnlyList<RecordRow> records = detail switch
        {
            RecordDetail.None => [],
            RecordDetail.Each => await db.QueryAsync<RecordRow>(
                $"""
                SELECT 'CharterUpdate' AS Kind, Id, OfficeId, Quarter, HasEvidence, RecordedOn FROM CharterUpdates WHERE FiscalYear = @Name AND WithdrawnAtUtc IS NULL{Only("OfficeId")}
                UNION ALL SELECT Kind, Id, OfficeId, Quarter, HasEvidence, RecordedOn FROM Meetings WHERE FiscalYear = @Name AND WithdrawnAtUtc IS NULL{Only("OfficeId")}
                UNION ALL SELECT 'Training', Id, OfficeId, Quarter, HasEvidence, RecordedOn FROM Trainings WHERE FiscalYear = @Name AND WithdrawnAtUtc IS NULL{Only("OfficeId")}
                UNION ALL SELECT Kind, Id, OfficeId, Quarter, HasEvidence, RecordedOn FROM Reports WHERE FiscalYear = @Name AND WithdrawnAtUtc IS NULL{Only("OfficeId")}
                UNION ALL SELECT 'Kaizen', Id, OfficeId, Quarter, HasEvidence, ImplementedRecordedOn FROM KaizenCases WHERE FiscalYear = @Name AND WithdrawnAtUtc IS NULL AND Status = 'Implemented'{Only("OfficeId")}
                """, new { year.Name, Ids = ids }, cancellationToken),
            // One row per office, kind, quarter and evidence, kept by db 0018's triggers: a write reads as many rows on an
            // office's 2,000th record as on its first.
            _ => await db.QueryAsync<RecordRow>(
                $"""
                SELECT Kind, OfficeId, Quarter, HasEvidence, FirstRecordedOn AS RecordedOn, Records
                FROM RecordTallies WHERE FiscalYear = @Name{Only("OfficeId")}
                UNION ALL SELECT 'Kaizen', OfficeId, Quarter, HasEvidence, MIN(ImplementedRecordedOn), COUNT(*) FROM KaizenCases
                WHERE FiscalYear = @Name AND WithdrawnAtUtc IS NULL AND Status = 'Implemented'{Only("OfficeId")} GROUP BY OfficeId, Quarter, HasEvidence
                """, new { year.Name, Ids = ids }, cancellationToken),
        };
        var entries = records.Select(ToEntry).Where(e => e.Entry is not null).ToLookup(e => e.OfficeId, e => e.Entry!);

        // The direct subordinates' own charter updates, for each office's indicator 1.2.1: what counts is each
        // subordinate's first update of a quarter and whether any has evidence.
        var subordinateUpdates = ids is null || detail == RecordDetail.None
            ? records.Where(r => r.Kind == "CharterUpdate").ToList()
            : (await db.QueryAsync<RecordRow>(
                detail == RecordDetail.Each
                    ? """
                      SELECT 'CharterUpdate' AS Kind, u.Id, u.OfficeId, u.Quarter, u.HasEvidence, u.RecordedOn FROM CharterUpdates u
                      WHERE u.FiscalYear = @Name AND u.WithdrawnAtUtc IS NULL
                        AND u.OfficeId IN (SELECT p.OfficeId FROM OfficePlacements p WHERE p.ParentId IN @Ids)
                      """
                    : """
                      SELECT t.Kind, t.OfficeId, t.Quarter, t.HasEvidence, t.FirstRecordedOn AS RecordedOn, t.Records FROM RecordTallies t
                      WHERE t.FiscalYear = @Name AND t.Kind = 'CharterUpdate'
                        AND t.OfficeId IN (SELECT p.OfficeId FROM OfficePlacements p WHERE p.ParentId IN @Ids)
                      """, new { year.Name, Ids = ids }, cancellationToken)).ToList();
        var updatesByOfficeQuarter = subordinateUpdates.ToLookup(u => (u.OfficeId, u.Quarter ?? 0));

        var overrides = (detail == RecordDetail.None ? [] : await db.QueryAsync<OverrideRow>(
                $"SELECT OfficeId, Quarter, IndicatorCode, ScoreHundredths, Remark, OverriddenBy, OverriddenAtUtc FROM ScoreOverrides WHERE FiscalYear = @Name{Only("OfficeId")} ORDER BY Id",
                new { year.Name, Ids = ids }, cancellationToken))
            .GroupBy(o => o.OfficeId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<(int, string), ScoreOverride>)g
                .GroupBy(o => (o.Quarter, o.IndicatorCode))
                .ToDictionary(last => last.Key, last => { var o = last.Last(); return new ScoreOverride(o.ScoreHundredths / 100m, o.Remark, o.OverriddenBy, o.OverriddenAtUtc); }));

        var offices = ids ?? existing.Values.SelectMany(set => set).Distinct().ToList();
        var result = new Dictionary<long, OfficeYear>();
        foreach (var officeId in offices)
        {
            var quarters = new Dictionary<int, QuarterFacts>();
            var subordinates = new Dictionary<int, SubordinateUpdates>();
            foreach (var quarter in year.Quarters)
            {
                var direct = children[quarter.Number].GetValueOrDefault(officeId) ?? [];
                quarters[quarter.Number] = new QuarterFacts(existing[quarter.Number].Contains(officeId), direct.Count > 0);
                var counted = new List<string>();
                var recorded = new List<DateOnly>();
                foreach (var child in direct)
                {
                    var updates = updatesByOfficeQuarter[(child, quarter.Number)].ToList();
                    if (updates.Count == 0) continue;
                    recorded.Add(updates.Min(u => u.RecordedOn));
                    if (updates.Any(u => u.HasEvidence)) counted.Add($"Office#{child}");
                }
                subordinates[quarter.Number] = new SubordinateUpdates(direct.Count, counted, recorded);
            }
            result[officeId] = new OfficeYear(officeId, year, quarters, entries[officeId].ToList(), subordinates,
                overrides.GetValueOrDefault(officeId) ?? new Dictionary<(int, string), ScoreOverride>());
        }
        return result;
    }

    private static (long OfficeId, Entry? Entry) ToEntry(RecordRow row)
    {
        ActivityFeed? feed = row.Kind switch
        {
            "CharterUpdate" => ActivityFeed.CharterUpdates,
            "StakeholderAwareness" => ActivityFeed.StakeholderAwarenessMeetings,
            "SubordinateCoordination" => ActivityFeed.SubordinateCoordinationMeetings,
            "Training" => ActivityFeed.Trainings,
            "QuarterlyImplementation" => ActivityFeed.QuarterlyImplementationReports,
            "AnnualProgress" => ActivityFeed.AnnualProgressReports,
            "Kaizen" => ActivityFeed.KaizenCases,
            _ => null,
        };
        var reference = row.Kind switch
        {
            "CharterUpdate" => "CharterUpdate",
            "Training" => "Training",
            "QuarterlyImplementation" or "AnnualProgress" => "Report",
            "Kaizen" => "Kaizen",
            _ => "Meeting",
        } + "#" + row.Id;
        return (row.OfficeId, feed is null ? null : new Entry(feed.Value, row.Quarter, row.HasEvidence, row.RecordedOn, reference, Value: row.Records));
    }
}

/// <summary>How much of an office's records <see cref="ScoringData.LoadAsync"/> reads.</summary>
public enum RecordDetail
{
    /// <summary>Every record, each an entry naming it: what a scorecard shows (the records that counted).</summary>
    Each,

    /// <summary>
    /// One entry per office, kind, quarter and evidence (<c>RecordTallies</c>, db 0018), worth the number of records it
    /// stands for and dated by the first of them: the same scores, due and recorded days as <see cref="Each"/> (what the
    /// read model stores), at a cost that does not grow with the records. The entries' references are not those of records.
    /// </summary>
    Tallied,

    /// <summary>No records: the tree's facts of each quarter only.</summary>
    None,
}
