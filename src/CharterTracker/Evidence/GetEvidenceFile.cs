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

public sealed class GetEvidenceFileHandler(DbSession db, EvidenceStore store, EvidenceAccess evidence)
    : IRequestHandler<GetEvidenceFileQuery, EvidenceDownload>
{
    public async Task<EvidenceDownload> Handle(GetEvidenceFileQuery query, CancellationToken cancellationToken)
    {
        var file = await db.QuerySingleOrDefaultAsync<EvidenceFile>($"SELECT {EvidenceFile.Columns} FROM EvidenceFiles WHERE Id = @EvidenceId", query, cancellationToken)
            ?? throw new NotFoundException($"Evidence {query.EvidenceId} does not exist.");
        await evidence.EnsureReadableAsync(query.EvidenceId, cancellationToken);
        return new EvidenceDownload(file, store.Open(file.Sha256));
    }
}
