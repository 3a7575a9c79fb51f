using CharterTracker.Access;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Charters;

/// <summary>The office's draft charter; 404 when it has none (a page then starts one from the latest version).</summary>
public sealed record GetCharterDraftQuery(long OfficeId) : IQuery<CharterVersion>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class GetCharterDraftHandler(CharterStore charters) : IRequestHandler<GetCharterDraftQuery, CharterVersion>
{
    public async Task<CharterVersion> Handle(GetCharterDraftQuery query, CancellationToken cancellationToken)
    {
        var id = await charters.DraftIdAsync(query.OfficeId, cancellationToken)
            ?? throw new NotFoundException(Say.Text("দপ্তরটির কোনো খসড়া প্রতিশ্রুতি নেই।", $"Office {query.OfficeId} has no draft charter."));
        return await charters.LoadAsync(id, cancellationToken);
    }
}
