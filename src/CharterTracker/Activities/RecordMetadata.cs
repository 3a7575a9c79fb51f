namespace CharterTracker.Activities;

/// <summary>
/// What every kind of record carries besides its own fields (named for that: the same columns in every record
/// table, see <see cref="RecordTable"/>): its evidence, when it was recorded, its version and whether it was withdrawn.
/// </summary>
public abstract record RecordMetadata
{
    public bool HasEvidence { get; init; }
    public IReadOnlyList<long> EvidenceIds { get; init; } = [];

    /// <summary>The day it was first recorded (deployment zone): decides Done or Late.</summary>
    public DateOnly RecordedOn { get; init; }

    /// <summary>Recorded by a SystemAdmin back-filling history, with the day it was originally recorded.</summary>
    public bool BackFilled { get; init; }
    public int Version { get; init; }
    public bool Withdrawn { get; init; }
    public string? WithdrawnReason { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTime CreatedAtUtc { get; init; }
}
