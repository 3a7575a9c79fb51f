using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;

namespace CharterTracker.Evidence;

/// <summary>
/// Who may use an evidence file: its uploader, anyone who may read the office it was uploaded for, or anyone who may
/// read a record it backs. Downloading a file and linking it to a record ask the same question, so that linking
/// cannot be used to reach a file one could not already download (ids are sequential).
/// </summary>
public sealed class EvidenceAccess(DbSession db, AccessPolicy access, CurrentUser user)
{
    private const string RecordOffices = """
        SELECT c.OfficeId FROM RecordEvidence e JOIN CharterUpdates c ON e.RecordKind = 'CharterUpdate' AND c.Id = e.RecordId WHERE e.EvidenceId = @evidenceId
        UNION SELECT m.OfficeId FROM RecordEvidence e JOIN Meetings m ON e.RecordKind = 'Meeting' AND m.Id = e.RecordId WHERE e.EvidenceId = @evidenceId
        UNION SELECT t.OfficeId FROM RecordEvidence e JOIN Trainings t ON e.RecordKind = 'Training' AND t.Id = e.RecordId WHERE e.EvidenceId = @evidenceId
        UNION SELECT r.OfficeId FROM RecordEvidence e JOIN Reports r ON e.RecordKind = 'Report' AND r.Id = e.RecordId WHERE e.EvidenceId = @evidenceId
        UNION SELECT k.OfficeId FROM RecordEvidence e JOIN KaizenCases k ON e.RecordKind = 'Kaizen' AND k.Id = e.RecordId WHERE e.EvidenceId = @evidenceId
        UNION SELECT q.OfficeId FROM RecordEvidence e JOIN QualityValues q ON e.RecordKind = 'QualityValue' AND q.Id = e.RecordId WHERE e.EvidenceId = @evidenceId
        """;

    /// <summary>403 unless the caller may read the file (an unknown id is the caller's to report).</summary>
    public async Task EnsureReadableAsync(long evidenceId, CancellationToken cancellationToken)
    {
        if (access.SeesEverything) return;
        var file = await db.QuerySingleOrDefaultAsync<FileOwner>(
            "SELECT OfficeId, UploadedByUserId FROM EvidenceFiles WHERE Id = @evidenceId", new { evidenceId }, cancellationToken)
            ?? throw new NotFoundException($"Evidence {evidenceId} does not exist.");
        if (file.UploadedByUserId is { } uploader && uploader == user.UserId) return;

        var offices = (await db.QueryAsync<long>(RecordOffices, new { evidenceId }, cancellationToken)).ToList();
        if (file.OfficeId is { } own) offices.Insert(0, own);
        foreach (var office in offices)
        {
            try
            {
                await access.DemandAsync(AccessDemand.Read(office), cancellationToken);
                return;
            }
            catch (ForbiddenException)
            {
                // Try the next office the file belongs to.
            }
        }
        throw new ForbiddenException($"Evidence {evidenceId} belongs to records outside your office's subtree.");
    }

    private sealed class FileOwner
    {
        public long? OfficeId { get; init; }
        public long? UploadedByUserId { get; init; }
    }
}
