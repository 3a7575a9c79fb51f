using CharterTracker.Access;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Charters;

/// <summary>
/// What the draft form opens with: the office's draft, or a copy of its latest published version (saving it creates
/// the draft), or null for an office without a charter. Only the office's writers open it.
/// </summary>
public sealed record GetCharterDraftForEditingQuery(long OfficeId) : IQuery<CharterVersion?>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Write(OfficeId)];
}

public sealed class GetCharterDraftForEditingHandler(CharterStore charters) : IRequestHandler<GetCharterDraftForEditingQuery, CharterVersion?>
{
    public Task<CharterVersion?> Handle(GetCharterDraftForEditingQuery query, CancellationToken cancellationToken) =>
        charters.DraftOrLatestAsync(query.OfficeId, cancellationToken);
}
