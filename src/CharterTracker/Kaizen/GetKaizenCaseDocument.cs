using CharterTracker.Access;
using CharterTracker.Activities;
using CharterTracker.Data;
using CharterTracker.Documents;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Kaizen;

/// <summary>Builds the one-page document of a case, in Bengali (default) or English.</summary>
public sealed record GetKaizenCaseDocumentQuery(long Id, string? Language) : IQuery<KaizenDocument>
{
    public IEnumerable<AccessDemand> AccessDemands() => [RecordAccess.Read(RecordKind.Kaizen, Id)];
}

public sealed class GetKaizenCaseDocumentHandler(DbSession db, RecordLifecycle records, IMediator mediator) : IRequestHandler<GetKaizenCaseDocumentQuery, KaizenDocument>
{
    public async Task<KaizenDocument> Handle(GetKaizenCaseDocumentQuery query, CancellationToken cancellationToken)
    {
        var text = DocumentText.For(query.Language);
        var found = await KaizenStore.GetAsync(db, records, query.Id, cancellationToken);
        var office = await db.QuerySingleOrDefaultAsync<(string NameBn, string NameEn)>("SELECT NameBn, NameEn FROM Offices WHERE Id = @OfficeId", found, cancellationToken);
        return new KaizenDocument
        {
            Text = text,
            Ministry = await mediator.Send(new GetMinistryOfQuery(found.OfficeId, text.Language), cancellationToken),
            FiscalYear = found.FiscalYear,
            Cases = [new KaizenDocumentCase(found, text.Bengali ? office.NameBn : office.NameEn)],
        };
    }
}
