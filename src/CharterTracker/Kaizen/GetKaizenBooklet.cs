using CharterTracker.Access;
using CharterTracker.Documents;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Kaizen;

/// <summary>Builds a convention's booklet: a cover with the totals, then every case of the convention, office by office.</summary>
public sealed record GetKaizenBookletQuery(long OfficeId, string? FiscalYear, string? Language) : IQuery<KaizenDocument>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class GetKaizenBookletHandler(IMediator mediator) : IRequestHandler<GetKaizenBookletQuery, KaizenDocument>
{
    public async Task<KaizenDocument> Handle(GetKaizenBookletQuery query, CancellationToken cancellationToken)
    {
        var text = DocumentText.For(query.Language);
        var convention = await mediator.Send(new GetKaizenConventionQuery(query.OfficeId, query.FiscalYear), cancellationToken);
        string Name(string bn, string en) => text.Bengali ? bn : en;
        return new KaizenDocument
        {
            Text = text,
            Ministry = await mediator.Send(new GetMinistryOfQuery(query.OfficeId, text.Language), cancellationToken),
            FiscalYear = convention.FiscalYear,
            Cases = convention.Offices.SelectMany(o => o.Cases.Select(c => new KaizenDocumentCase(c, Name(o.NameBn, o.NameEn)))).ToList(),
            Cover = new KaizenBookletCover(Name(convention.OfficeNameBn, convention.OfficeNameEn), convention.Offices.Count, convention.Cases,
                convention.ByStatus[KaizenStatus.Implemented], convention.OfficesWithImplemented),
        };
    }
}
