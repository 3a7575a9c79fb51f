using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Activities;

/// <summary>
/// The evidence files linked to an office's records of a fiscal year, in one read: the workspace lists the year's
/// records with their files, which would otherwise be a query per record.
/// </summary>
public sealed record ListRecordEvidenceQuery(long OfficeId, string FiscalYear) : IQuery<IReadOnlyList<RecordEvidenceFile>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed record RecordEvidenceFile
{
    public RecordKind RecordKind { get; init; }
    public long RecordId { get; init; }
    public long EvidenceId { get; init; }
    public string FileName { get; init; } = "";
    public string ContentType { get; init; } = "";
    public long Size { get; init; }
}

public sealed class ListRecordEvidenceHandler(DbSession db) : IRequestHandler<ListRecordEvidenceQuery, IReadOnlyList<RecordEvidenceFile>>
{
    public async Task<IReadOnlyList<RecordEvidenceFile>> Handle(ListRecordEvidenceQuery query, CancellationToken cancellationToken) =>
        await db.QueryAsync<RecordEvidenceFile>(
            """
            SELECT e.RecordKind, e.RecordId, f.Id AS EvidenceId, f.FileName, f.ContentType, f.Size
            FROM CharterUpdates r JOIN RecordEvidence e ON e.RecordKind = 'CharterUpdate' AND e.RecordId = r.Id JOIN EvidenceFiles f ON f.Id = e.EvidenceId
            WHERE r.OfficeId = @OfficeId AND r.FiscalYear = @FiscalYear
            UNION ALL
            SELECT e.RecordKind, e.RecordId, f.Id, f.FileName, f.ContentType, f.Size
            FROM Meetings r JOIN RecordEvidence e ON e.RecordKind = 'Meeting' AND e.RecordId = r.Id JOIN EvidenceFiles f ON f.Id = e.EvidenceId
            WHERE r.OfficeId = @OfficeId AND r.FiscalYear = @FiscalYear
            UNION ALL
            SELECT e.RecordKind, e.RecordId, f.Id, f.FileName, f.ContentType, f.Size
            FROM Trainings r JOIN RecordEvidence e ON e.RecordKind = 'Training' AND e.RecordId = r.Id JOIN EvidenceFiles f ON f.Id = e.EvidenceId
            WHERE r.OfficeId = @OfficeId AND r.FiscalYear = @FiscalYear
            UNION ALL
            SELECT e.RecordKind, e.RecordId, f.Id, f.FileName, f.ContentType, f.Size
            FROM Reports r JOIN RecordEvidence e ON e.RecordKind = 'Report' AND e.RecordId = r.Id JOIN EvidenceFiles f ON f.Id = e.EvidenceId
            WHERE r.OfficeId = @OfficeId AND r.FiscalYear = @FiscalYear
            UNION ALL
            SELECT e.RecordKind, e.RecordId, f.Id, f.FileName, f.ContentType, f.Size
            FROM KaizenCases r JOIN RecordEvidence e ON e.RecordKind = 'Kaizen' AND e.RecordId = r.Id JOIN EvidenceFiles f ON f.Id = e.EvidenceId
            WHERE r.OfficeId = @OfficeId AND r.FiscalYear = @FiscalYear
            ORDER BY RecordKind, RecordId, EvidenceId
            """, query, cancellationToken);
}
