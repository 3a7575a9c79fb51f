using CharterTracker.ActionPlans;
using CharterTracker.Calendar;
using CharterTracker.Data;
namespace CharterTracker.Scoring;

/// <summary>
/// Reads what the engine needs for a fiscal year, for a few offices (after a write) or for all of them (a rebuild),
/// in a handful of set-based queries. The tree is read as it stood on each quarter's first day.
/// Internal branches (শাখা) are part of their office: they are neither expected nor counted as subordinates.
/// </summary>
public sealed class ScoringData(DbSession db)
{
    private sealed class Placement
    {
        public long OfficeId { get; init; }
        public long? ParentId { get; init; }
    }

    private sealed class RecordRow
    {
        public string Kind { get; init; } = "";
        public long Id { get; init; }
        public long OfficeId { get; init; }
        public int? Quarter { get; init; }
        public bool HasEvidence { get; init; }
        public DateOnly RecordedOn { get; init; }
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

    private const string ExistsOn = "o.Kind <> 'Branch' AND o.ActiveFrom <= @Day AND (o.ActiveUntil IS NULL OR o.ActiveUntil > @Day)";

    /// <param name="officeIds">The offices to score; null for every office.</param>
    public async Task<IReadOnlyDictionary<long, OfficeYear>> LoadAsync(FiscalYear year, IReadOnlyCollection<long>? officeIds, CancellationToken cancellationToken)
    {
        var ids = officeIds?.Distinct().ToList();
        string Only(string column) => ids is null ? "" : $" AND {column} IN @Ids";

        // The tree on each quarter's first day: who existed, and who hung under whom.
        var existing = new Dictionary<int, HashSet<long>>();
        var children = new Dictionary<int, Dictionary<long, List<long>>>();
        foreach (var quarter in year.Quarters)
        {
            var day = quarter.Start;
            existing[quarter.Number] = (await db.QueryAsync<long>($"SELECT o.Id FROM Offices o WHERE {ExistsOn}{Only("o.Id")}", new { Day = day, Ids = ids }, cancellationToken)).ToHashSet();
            var placements = await db.QueryAsync<Placement>(
                $"""
                SELECT p.OfficeId, p.ParentId FROM OfficePlacements p JOIN Offices o ON o.Id = p.OfficeId
                WHERE p.ValidFrom <= @Day AND (p.ValidUntil IS NULL OR p.ValidUntil > @Day) AND p.ParentId IS NOT NULL AND {ExistsOn}{Only("p.ParentId")}
                """, new { Day = day, Ids = ids }, cancellationToken);
            children[quarter.Number] = placements.GroupBy(p => p.ParentId!.Value).ToDictionary(g => g.Key, g => g.Select(p => p.OfficeId).ToList());
        }

        var records = await db.QueryAsync<RecordRow>(
            $"""
            SELECT 'CharterUpdate' AS Kind, Id, OfficeId, Quarter, HasEvidence, RecordedOn FROM CharterUpdates WHERE FiscalYear = @Name AND WithdrawnAtUtc IS NULL{Only("OfficeId")}
            UNION ALL SELECT Kind, Id, OfficeId, Quarter, HasEvidence, RecordedOn FROM Meetings WHERE FiscalYear = @Name AND WithdrawnAtUtc IS NULL{Only("OfficeId")}
            UNION ALL SELECT 'Training', Id, OfficeId, Quarter, HasEvidence, RecordedOn FROM Trainings WHERE FiscalYear = @Name AND WithdrawnAtUtc IS NULL{Only("OfficeId")}
            UNION ALL SELECT Kind, Id, OfficeId, Quarter, HasEvidence, RecordedOn FROM Reports WHERE FiscalYear = @Name AND WithdrawnAtUtc IS NULL{Only("OfficeId")}
            UNION ALL SELECT 'Kaizen', Id, OfficeId, Quarter, HasEvidence, ImplementedRecordedOn FROM KaizenCases WHERE FiscalYear = @Name AND WithdrawnAtUtc IS NULL AND Status = 'Implemented'{Only("OfficeId")}
            """, new { year.Name, Ids = ids }, cancellationToken);
        var entries = records.Select(ToEntry).Where(e => e.Entry is not null).ToLookup(e => e.OfficeId, e => e.Entry!);

        // The direct subordinates' own charter updates, for each office's indicator 1.2.1.
        var subordinateUpdates = ids is null
            ? records.Where(r => r.Kind == "CharterUpdate").ToList()
            : (await db.QueryAsync<RecordRow>(
                $"""
                SELECT 'CharterUpdate' AS Kind, u.Id, u.OfficeId, u.Quarter, u.HasEvidence, u.RecordedOn FROM CharterUpdates u
                WHERE u.FiscalYear = @Name AND u.WithdrawnAtUtc IS NULL
                  AND u.OfficeId IN (SELECT p.OfficeId FROM OfficePlacements p WHERE p.ParentId IN @Ids)
                """, new { year.Name, Ids = ids }, cancellationToken)).ToList();
        var updatesByOfficeQuarter = subordinateUpdates.ToLookup(u => (u.OfficeId, u.Quarter ?? 0));

        var overrides = (await db.QueryAsync<OverrideRow>(
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
        return (row.OfficeId, feed is null ? null : new Entry(feed.Value, row.Quarter, row.HasEvidence, row.RecordedOn, reference));
    }
}
