using System.Globalization;
using CharterTracker.Data;

namespace CharterTracker.Scoring;

/// <summary>
/// What a parent office's scores read of a subordinate's records: its charter updates of each quarter — whether there
/// is one, the first day one was recorded, whether any has evidence (indicator 1.2.1). A write that leaves this as it
/// was (a second update in a quarter, an edit of its notes) cannot change the parent, so the refresh leaves the parent
/// out: noted before a command changes anything (<see cref="Pipeline.ChangedPeriods.ParentInputBefore"/>) and compared
/// after, from the record tallies (db 0018).
/// </summary>
public static class ParentInputs
{
    private sealed class Row
    {
        public long OfficeId { get; init; }
        public int Quarter { get; init; }
        public bool HasEvidence { get; init; }
        public DateOnly FirstRecordedOn { get; init; }
    }

    /// <summary>Each office's input to its parents in the year (an empty text for an office without charter updates).</summary>
    public static async Task<IReadOnlyDictionary<long, string>> ReadAsync(DbSession db, IReadOnlyCollection<long> officeIds, string fiscalYear, CancellationToken cancellationToken)
    {
        var rows = await db.QueryAsync<Row>(
            """
            SELECT OfficeId, Quarter, HasEvidence, FirstRecordedOn FROM RecordTallies
            WHERE OfficeId IN @officeIds AND FiscalYear = @fiscalYear AND Kind = 'CharterUpdate'
            """, new { officeIds, fiscalYear }, cancellationToken);
        var byOffice = rows.ToLookup(r => r.OfficeId);
        return officeIds.Distinct().ToDictionary(id => id, id => string.Join(";", byOffice[id]
            .OrderBy(r => r.Quarter).ThenBy(r => r.HasEvidence)
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Quarter}:{r.HasEvidence}:{r.FirstRecordedOn:yyyy-MM-dd}"))));
    }
}
