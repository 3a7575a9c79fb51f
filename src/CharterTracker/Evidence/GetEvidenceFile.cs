using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Evidence;

/// <summary>
/// An evidence file, for download by whoever may read it: its uploader, anyone who may read the office it was
/// uploaded for, or anyone who may read a record it backs.
/// </summary>
public sealed record GetEvidenceFileQuery(long EvidenceId) : IQuery<EvidenceDownload>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SignedIn];
}

public sealed record EvidenceDownload(EvidenceFile File, Stream Content);

public sealed class GetEvidenceFileHandler(DbSession db, EvidenceStore store, AccessPolicy access, CurrentUser user)
    : IRequestHandler<GetEvidenceFileQuery, EvidenceDownload>
{
    public async Task<EvidenceDownload> Handle(GetEvidenceFileQuery query, CancellationToken cancellationToken)
    {
        var file = await db.QuerySingleOrDefaultAsync<EvidenceFile>($"SELECT {EvidenceFile.Columns} FROM EvidenceFiles WHERE Id = @EvidenceId", query, cancellationToken)
            ?? throw new NotFoundException($"Evidence {query.EvidenceId} does not exist.");
        var uploader = await db.ExecuteScalarAsync<long?>("SELECT UploadedByUserId FROM EvidenceFiles WHERE Id = @EvidenceId", query, cancellationToken);
        if (uploader is null || uploader != user.UserId)
        {
            await EnsureReadableAsync(file, query.EvidenceId, cancellationToken);
        }
        return new EvidenceDownload(file, store.Open(file.Sha256));
    }

    private async Task EnsureReadableAsync(EvidenceFile file, long evidenceId, CancellationToken cancellationToken)
    {
        const string recordOffices = """
            SELECT c.OfficeId FROM RecordEvidence e JOIN CharterUpdates c ON e.RecordKind = 'CharterUpdate' AND c.Id = e.RecordId WHERE e.EvidenceId = @evidenceId
            UNION SELECT m.OfficeId FROM RecordEvidence e JOIN Meetings m ON e.RecordKind = 'Meeting' AND m.Id = e.RecordId WHERE e.EvidenceId = @evidenceId
            UNION SELECT t.OfficeId FROM RecordEvidence e JOIN Trainings t ON e.RecordKind = 'Training' AND t.Id = e.RecordId WHERE e.EvidenceId = @evidenceId
            UNION SELECT r.OfficeId FROM RecordEvidence e JOIN Reports r ON e.RecordKind = 'Report' AND r.Id = e.RecordId WHERE e.EvidenceId = @evidenceId
            """;
        var offices = (await db.QueryAsync<long>(recordOffices, new { evidenceId }, cancellationToken)).ToList();
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
}
