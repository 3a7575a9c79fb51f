using CharterTracker.Access;
using CharterTracker.Charters;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Documents;

/// <summary>A published version of an office's charter (default: the latest) for printing, in Bengali (default) or English.</summary>
public sealed record GetCharterDocumentQuery(long OfficeId, int? Version, string? Language) : IQuery<CharterDocument>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class GetCharterDocumentHandler(DbSession db, CharterStore charters, IMediator mediator) : IRequestHandler<GetCharterDocumentQuery, CharterDocument>
{
    public async Task<CharterDocument> Handle(GetCharterDocumentQuery query, CancellationToken cancellationToken)
    {
        var text = DocumentText.For(query.Language);
        var version = await charters.GetPublishedAsync(query.OfficeId, query.Version, cancellationToken);
        var office = await db.QuerySingleOrDefaultAsync<(string NameBn, string NameEn)>("SELECT NameBn, NameEn FROM Offices WHERE Id = @OfficeId", query, cancellationToken);
        var ministry = await mediator.Send(new GetMinistryOfQuery(query.OfficeId, text.Language), cancellationToken);
        return CharterReader.ToDocument(version, office, text, ministry);
    }
}
