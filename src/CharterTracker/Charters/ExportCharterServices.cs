using CharterTracker.Access;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Charters;

/// <summary>The services of a published version (default: the latest) as CSV (<see cref="CharterServicesCsv"/>); <see cref="Draft"/>: of the draft.</summary>
public sealed record ExportCharterServicesQuery(long OfficeId, int? Version = null, bool Draft = false) : IQuery<string>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class ExportCharterServicesHandler(CharterStore charters) : IRequestHandler<ExportCharterServicesQuery, string>
{
    public async Task<string> Handle(ExportCharterServicesQuery query, CancellationToken cancellationToken)
    {
        var version = query.Draft
            ? await charters.LoadAsync(await charters.DraftIdAsync(query.OfficeId, cancellationToken)
                ?? throw new NotFoundException(Say.Text("দপ্তরটির কোনো খসড়া প্রতিশ্রুতি নেই।", $"Office {query.OfficeId} has no draft charter.")), cancellationToken)
            : await charters.GetPublishedAsync(query.OfficeId, query.Version, cancellationToken);
        return CharterServicesCsv.Write(version.Services ?? []);
    }
}
