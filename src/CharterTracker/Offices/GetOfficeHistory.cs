using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Offices;

/// <summary>Everything that happened to an office: registered, renamed, moved, deactivated — who, when, before and after.</summary>
public sealed record GetOfficeHistoryQuery(long OfficeId) : IQuery<IReadOnlyList<OfficeChange>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed record OfficeChange
{
    public long Id { get; init; }
    public string Change { get; init; } = "";
    public DateOnly EffectiveOn { get; init; }

    /// <summary>JSON of the values before the change (null when registered).</summary>
    public string? Before { get; init; }
    public string? After { get; init; }
    public string ChangedBy { get; init; } = "";
    public DateTime ChangedAtUtc { get; init; }
}

public sealed class GetOfficeHistoryHandler(DbSession db) : IRequestHandler<GetOfficeHistoryQuery, IReadOnlyList<OfficeChange>>
{
    public async Task<IReadOnlyList<OfficeChange>> Handle(GetOfficeHistoryQuery query, CancellationToken cancellationToken) =>
        await db.QueryAsync<OfficeChange>(
            "SELECT Id, Change, EffectiveOn, Before, After, ChangedBy, ChangedAtUtc FROM OfficeChanges WHERE OfficeId = @OfficeId ORDER BY Id",
            new { query.OfficeId }, cancellationToken);
}
