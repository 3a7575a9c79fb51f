using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Meetings;

public sealed record MeetingSummary
{
    public long Id { get; init; }
    public long OfficeId { get; init; }
    public MeetingKind Kind { get; init; }
    public string FiscalYear { get; init; } = "";
    public int Quarter { get; init; }
    public string? Title { get; init; }
    public DateOnly HeldOn { get; init; }
    public string? MemoNumber { get; init; }
    public bool HasEvidence { get; init; }
    public DateOnly RecordedOn { get; init; }
    public bool Withdrawn { get; init; }
}

/// <summary>The meetings an office organised, optionally of one fiscal year, newest first.</summary>
public sealed record ListMeetingsQuery(long OfficeId, string? FiscalYear = null) : IQuery<IReadOnlyList<MeetingSummary>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class ListMeetingsHandler(DbSession db) : IRequestHandler<ListMeetingsQuery, IReadOnlyList<MeetingSummary>>
{
    public async Task<IReadOnlyList<MeetingSummary>> Handle(ListMeetingsQuery query, CancellationToken cancellationToken) =>
        await db.QueryAsync<MeetingSummary>(
            """
            SELECT Id, OfficeId, Kind, FiscalYear, Quarter, Title, HeldOn, MemoNumber, HasEvidence, RecordedOn,
                   CASE WHEN WithdrawnAtUtc IS NULL THEN 0 ELSE 1 END AS Withdrawn
            FROM Meetings WHERE OfficeId = @OfficeId AND (@FiscalYear IS NULL OR FiscalYear = @FiscalYear)
            ORDER BY HeldOn DESC, Id DESC
            """, query, cancellationToken);
}
