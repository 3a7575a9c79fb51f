using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Documents;

/// <summary>A published version of an office's charter (default: the latest) for printing, in Bengali (default) or English.</summary>
public sealed record GetCharterDocumentQuery(long OfficeId, int? Version, string? Language) : IQuery<CharterDocument>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class GetCharterDocumentHandler(DbSession db, IMediator mediator) : IRequestHandler<GetCharterDocumentQuery, CharterDocument>
{
    public async Task<CharterDocument> Handle(GetCharterDocumentQuery query, CancellationToken cancellationToken)
    {
        var text = DocumentText.For(query.Language);
        var header = await db.QuerySingleOrDefaultAsync<CharterReader.Header>(
            $"""
            SELECT {CharterReader.HeaderColumns}
            FROM CharterVersions v JOIN Offices o ON o.Id = v.OfficeId
            WHERE v.OfficeId = @OfficeId AND v.Status = 'Published'
              AND v.Version = COALESCE(@Version, (SELECT MAX(l.Version) FROM CharterVersions l WHERE l.OfficeId = @OfficeId AND l.Status = 'Published'))
            """, query, cancellationToken)
            ?? throw new NotFoundException(query.Version is { } v ? $"Office {query.OfficeId} has no published charter version {v}." : $"Office {query.OfficeId} has not published a charter.");
        var ministry = await mediator.Send(new GetMinistryOfQuery(query.OfficeId, text.Language), cancellationToken);
        return await CharterReader.ReadAsync(db, header, text, ministry, cancellationToken);
    }
}
