using CharterTracker.Activities;
using CharterTracker.Pipeline;

namespace CharterTracker.CharterUpdates;

/// <summary>An office's charter, updated in a quarter and uploaded to the Cabinet Division's portal.</summary>
public sealed record CharterUpdate : KeptRecord, IIdentifiedResult
{
    public long Id { get; init; }
    public long OfficeId { get; init; }
    public string FiscalYear { get; init; } = "";
    public int Quarter { get; init; }
    public DateOnly UpdatedOn { get; init; }
    public string? PortalReference { get; init; }
    public string? Notes { get; init; }

    public const string Select = """
        SELECT Id, OfficeId, FiscalYear, Quarter, UpdatedOn, PortalReference, Notes, HasEvidence, RecordedOn, BackFilled, Version,
               CASE WHEN WithdrawnAtUtc IS NULL THEN 0 ELSE 1 END AS Withdrawn, WithdrawnReason, CreatedBy, CreatedAtUtc
        FROM CharterUpdates
        """;
}

/// <summary>The fields a focal point fills in, shared by recording and editing.</summary>
public interface ICharterUpdateFields
{
    string? FiscalYear { get; }
    int? Quarter { get; }
    DateOnly? UpdatedOn { get; }
    string? PortalReference { get; }
    string? Notes { get; }
    IReadOnlyList<long>? EvidenceIds { get; }
    bool? HasEvidence { get; }
}
