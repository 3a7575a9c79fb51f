using CharterTracker.Access;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Charters;

/// <summary>An office's published charter: version <see cref="Version"/>, or the latest (the office's charter).</summary>
public sealed record GetCharterQuery(long OfficeId, int? Version = null) : IQuery<CharterVersion>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class GetCharterHandler(CharterStore charters) : IRequestHandler<GetCharterQuery, CharterVersion>
{
    public Task<CharterVersion> Handle(GetCharterQuery query, CancellationToken cancellationToken) =>
        charters.GetPublishedAsync(query.OfficeId, query.Version, cancellationToken);
}
