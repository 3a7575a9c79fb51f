namespace CharterTracker.Activities;

/// <summary>
/// What a focal point fills in for every kind of record. Each kind's fields type derives from it, and that kind's
/// record and edit commands derive from its fields type: the fields are declared once, the JSON body stays flat, and
/// a validation error names the field as the client sent it (<c>agenda[0].decision</c>).
/// </summary>
public abstract record RecordFields
{
    public string? FiscalYear { get; init; }

    /// <summary>Files uploaded first (<c>POST /api/v1/evidence</c>), linked to the record in place of earlier links.</summary>
    public IReadOnlyList<long>? EvidenceIds { get; init; }

    /// <summary>Evidence held on paper: counts like an uploaded file.</summary>
    public bool? HasEvidence { get; init; }
}
