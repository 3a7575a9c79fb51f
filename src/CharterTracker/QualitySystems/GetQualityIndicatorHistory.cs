using CharterTracker.Access;
using CharterTracker.Activities;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.QualitySystems;

/// <summary>Every earlier definition of an indicator: what it held, who replaced it and when, oldest first.</summary>
public sealed record GetQualityIndicatorHistoryQuery(long Id) : IQuery<IReadOnlyList<RecordVersion>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.ReadOfficeOf(QualityIndicatorStore.OfficeOf(Id))];
}

public sealed class GetQualityIndicatorHistoryHandler(DbSession db) : IRequestHandler<GetQualityIndicatorHistoryQuery, IReadOnlyList<RecordVersion>>
{
    public async Task<IReadOnlyList<RecordVersion>> Handle(GetQualityIndicatorHistoryQuery query, CancellationToken cancellationToken) =>
        await db.QueryAsync<RecordVersion>(
            "SELECT Version, Change, Snapshot, ChangedBy, ChangedAtUtc FROM RecordHistory WHERE RecordKind = @Kind AND RecordId = @Id ORDER BY Version, Id",
            new { Kind = QualityIndicatorStore.HistoryKind, query.Id }, cancellationToken);
}
