using System.Globalization;
using CharterTracker.Activities;
using CharterTracker.Data;
using CharterTracker.Pipeline;

namespace CharterTracker.Kaizen;

/// <summary>A case's row (a <see cref="RecordTable"/>), its team and measures, read one at a time or for a list at once.</summary>
internal static class KaizenStore
{
    /// <summary>The quarter stays NULL: a case counts for its year. ImplementedRecordedOn is set by the handlers, not typed.</summary>
    public static readonly RecordTable Table = new(RecordKind.Kaizen,
    [
        "FiscalYear",
        "Quarter",
        "Title",
        "Problem",
        "RootCause",
        "Change",
        "Status",
        "ImplementedOn",
        "ImplementedRecordedOn",
        "AbandonedReason",
    ]);

    /// <summary>The fields as <see cref="Table"/>'s column values, with the day the case was first saved as implemented.</summary>
    public static object Columns(KaizenCaseFields fields, DateOnly? implementedRecordedOn) => new
    {
        fields.FiscalYear,
        Quarter = (int?)null,
        Title = fields.Title!.Trim(),
        Problem = fields.Problem!.Trim(),
        RootCause = fields.RootCause!.Trim(),
        Change = fields.Change!.Trim(),
        Status = fields.Status!.Value.ToString(),
        ImplementedOn = fields.Status == KaizenStatus.Implemented ? fields.ImplementedOn : null,
        ImplementedRecordedOn = fields.Status == KaizenStatus.Implemented ? implementedRecordedOn : null,
        AbandonedReason = fields.Status == KaizenStatus.Abandoned ? fields.AbandonedReason?.Trim() : null,
    };

    /// <summary>Replaces the team and the measures with the given ones.</summary>
    public static async Task WritePartsAsync(DbSession db, long caseId, KaizenCaseFields fields, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync("DELETE FROM KaizenTeamMembers WHERE CaseId = @caseId", new { caseId }, cancellationToken);
        await db.ExecuteAsync("DELETE FROM KaizenMeasures WHERE CaseId = @caseId", new { caseId }, cancellationToken);
        var team = (fields.Team ?? []).Where(m => m is not null).Select((m, seq) => new { caseId, Seq = seq, Name = m!.Name!.Trim(), Designation = m.Designation!.Trim() }).ToList();
        if (team.Count > 0)
        {
            await db.ExecuteAsync("INSERT INTO KaizenTeamMembers (CaseId, Seq, Name, Designation) VALUES (@caseId, @Seq, @Name, @Designation)", team, cancellationToken);
        }
        var measures = (fields.Measures ?? []).Where(m => m is not null).Select((m, seq) => new
        {
            caseId, Seq = seq, Name = m!.Name!.Trim(), Unit = m.Unit!.Trim(),
            ValueBefore = KaizenMeasureFields.Parse(m.Before)!.Value, ValueAfter = KaizenMeasureFields.Parse(m.After),
            Better = (m.Better ?? BetterWhen.Lower).ToString(),
        }).ToList();
        if (measures.Count > 0)
        {
            await db.ExecuteAsync(
                "INSERT INTO KaizenMeasures (CaseId, Seq, Name, Unit, ValueBefore, ValueAfter, Better) VALUES (@caseId, @Seq, @Name, @Unit, @ValueBefore, @ValueAfter, @Better)",
                measures, cancellationToken);
        }
    }

    public static async Task<KaizenCase> GetAsync(DbSession db, RecordLifecycle records, long id, CancellationToken cancellationToken)
    {
        var found = await db.QuerySingleOrDefaultAsync<KaizenCase>(Table.Select + " WHERE Id = @id", new { id }, cancellationToken)
            ?? throw new NotFoundException($"Kaizen case {id} does not exist.");
        var whole = (await WithPartsAsync(db, [found], cancellationToken))[0];
        return whole with { EvidenceIds = await records.EvidenceIdsAsync(RecordKind.Kaizen, id, cancellationToken) };
    }

    /// <summary>The cases with their teams and measures: two reads for the whole list.</summary>
    public static async Task<IReadOnlyList<KaizenCase>> WithPartsAsync(DbSession db, IReadOnlyList<KaizenCase> cases, CancellationToken cancellationToken)
    {
        if (cases.Count == 0) return cases;
        var ids = cases.Select(c => c.Id).ToList();
        var team = (await db.QueryAsync<TeamRow>("SELECT CaseId, Seq, Name, Designation FROM KaizenTeamMembers WHERE CaseId IN @ids ORDER BY CaseId, Seq", new { ids }, cancellationToken))
            .ToLookup(t => t.CaseId, t => new KaizenTeamMember(t.Name, t.Designation));
        var measures = (await db.QueryAsync<MeasureRow>(
                "SELECT CaseId, Seq, Name, Unit, ValueBefore, ValueAfter, Better FROM KaizenMeasures WHERE CaseId IN @ids ORDER BY CaseId, Seq", new { ids }, cancellationToken))
            .ToLookup(m => m.CaseId, m => m.ToMeasure());
        return cases.Select(c => c with { Team = team[c.Id].ToList(), Measures = measures[c.Id].ToList() }).ToList();
    }

    private sealed class TeamRow
    {
        public long CaseId { get; init; }
        public string Name { get; init; } = "";
        public string Designation { get; init; } = "";
    }

    /// <summary>SQLite hands back a NUMERIC as an integer or a real, SQL Server as a decimal: read as what came, converted once.</summary>
    private sealed class MeasureRow
    {
        public long CaseId { get; init; }
        public string Name { get; init; } = "";
        public string Unit { get; init; } = "";
        public object ValueBefore { get; init; } = 0m;
        public object? ValueAfter { get; init; }
        public string Better { get; init; } = "";

        public KaizenMeasure ToMeasure() => new()
        {
            Name = Name,
            Unit = Unit,
            Before = Convert.ToDecimal(ValueBefore, CultureInfo.InvariantCulture),
            After = ValueAfter is null or DBNull ? null : Convert.ToDecimal(ValueAfter, CultureInfo.InvariantCulture),
            Better = Enum.TryParse<BetterWhen>(Better, out var better) ? better : BetterWhen.Lower,
        };
    }
}
