using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Activities;

/// <summary>Every earlier version of a record: what it held, who replaced it and when, oldest first.</summary>
public sealed record GetRecordHistoryQuery(RecordKind Kind, long Id) : IQuery<IReadOnlyList<RecordVersion>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [RecordAccess.Read(Kind, Id)];
}

public sealed record RecordVersion
{
    public int Version { get; init; }
    public string Change { get; init; } = "";

    /// <summary>The record as it was in <see cref="Version"/>, as JSON.</summary>
    public string Snapshot { get; init; } = "";
    public string ChangedBy { get; init; } = "";
    public DateTime ChangedAtUtc { get; init; }
}

public sealed class GetRecordHistoryHandler(DbSession db) : IRequestHandler<GetRecordHistoryQuery, IReadOnlyList<RecordVersion>>
{
    public async Task<IReadOnlyList<RecordVersion>> Handle(GetRecordHistoryQuery query, CancellationToken cancellationToken) =>
        await db.QueryAsync<RecordVersion>(
            "SELECT Version, Change, Snapshot, ChangedBy, ChangedAtUtc FROM RecordHistory WHERE RecordKind = @Kind AND RecordId = @Id ORDER BY Version, Id",
            new { Kind = query.Kind.ToString(), query.Id }, cancellationToken);
}
