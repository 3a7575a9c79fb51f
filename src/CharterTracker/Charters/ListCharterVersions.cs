using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Charters;

/// <summary>A line of the office's versions list.</summary>
public sealed record CharterVersionSummary
{
    public long Id { get; init; }
    public int Version { get; init; }
    public string Status { get; init; } = "";
    public DateOnly? PublishedOn { get; init; }
    public string? PublishedBy { get; init; }
    public long? CharterUpdateId { get; init; }
    public int Revision { get; init; }
    public DateTime UpdatedAtUtc { get; init; }
    public int Services { get; init; }
}

/// <summary>The office's charter versions, newest first, its draft (if any) at the top.</summary>
public sealed record ListCharterVersionsQuery(long OfficeId) : IQuery<IReadOnlyList<CharterVersionSummary>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class ListCharterVersionsHandler(DbSession db) : IRequestHandler<ListCharterVersionsQuery, IReadOnlyList<CharterVersionSummary>>
{
    public Task<IReadOnlyList<CharterVersionSummary>> Handle(ListCharterVersionsQuery query, CancellationToken cancellationToken) =>
        db.QueryAsync<CharterVersionSummary>("""
            SELECT v.Id, v.Version, v.Status, v.PublishedOn, v.PublishedBy, v.CharterUpdateId, v.Revision, v.UpdatedAtUtc,
                   (SELECT COUNT(*) FROM CharterServices s WHERE s.CharterVersionId = v.Id) AS Services
            FROM CharterVersions v
            WHERE v.OfficeId = @OfficeId
            ORDER BY CASE WHEN v.Status = 'Draft' THEN 0 ELSE 1 END, v.Version DESC
            """, query, cancellationToken);
}
