using CharterTracker.Activities;
using CharterTracker.Pipeline;

namespace CharterTracker.Meetings;

public enum MeetingKind
{
    /// <summary>The quarterly meeting of an office with its subordinate offices (indicator 1.3.1).</summary>
    SubordinateCoordination,

    /// <summary>An office without subordinates meets its stakeholders (indicator 1.2.2).</summary>
    StakeholderAwareness,

    /// <summary>The ministry's monitoring committee.</summary>
    MonitoringCommittee,

    Other,
}

public sealed record Person
{
    public string? Name { get; init; }
    public string? Designation { get; init; }
}

/// <summary>A line of the attendance annex ('ক'): invited, and whether they came.</summary>
public sealed record Attendee
{
    public string? Name { get; init; }
    public string? Designation { get; init; }
    public string? Office { get; init; }

    /// <summary>False for an invitee who did not attend. Default true.</summary>
    public bool Attended { get; init; } = true;
}

/// <summary>A decision someone must carry out by a date; open ones are carried to the office's next meetings.</summary>
public sealed record FollowUpInput
{
    public string? Action { get; init; }
    public long? OwnerOfficeId { get; init; }
    public DateOnly? DueOn { get; init; }
}

/// <summary>A numbered row of the minutes' discussion/decision table.</summary>
public sealed record AgendaItemInput
{
    public string? Discussion { get; init; }

    /// <summary>The decision's text; may be left empty when the decision is all sub-items.</summary>
    public string? Decision { get; init; }

    /// <summary>
    /// The decision's lettered sub-items, in order: the minutes print them ক) খ) গ) … (Bengali) or a) b) c) …
    /// (English) under the decision. Without a leading letter: one typed as "ক) …" or "(a) …" loses it when stored.
    /// </summary>
    public IReadOnlyList<string>? SubDecisions { get; init; }
    public IReadOnlyList<FollowUpInput>? FollowUps { get; init; }
}

public enum FollowUpStatus
{
    Open,
    Done,
    Overdue,
}

public sealed record FollowUp : IIdentifiedResult
{
    public long Id { get; init; }
    public long MeetingId { get; init; }
    public long MeetingOfficeId { get; init; }
    public DateOnly MeetingHeldOn { get; init; }
    public int AgendaItem { get; init; }
    public string Action { get; init; } = "";
    public long OwnerOfficeId { get; init; }
    public DateOnly DueOn { get; init; }

    /// <summary>Open, Done, or Overdue (open past its due date, today in the deployment's zone).</summary>
    public FollowUpStatus Status { get; init; }
    public DateOnly? DoneOn { get; init; }
    public string? DoneNote { get; init; }

    public const string Select = """
        SELECT f.Id, f.MeetingId, m.OfficeId AS MeetingOfficeId, m.HeldOn AS MeetingHeldOn, f.AgendaSeq AS AgendaItem, f.Action, f.OwnerOfficeId,
               f.DueOn, f.Status, f.DoneOn, f.DoneNote
        FROM FollowUps f JOIN Meetings m ON m.Id = f.MeetingId
        """;

    public FollowUp WithStatusOn(DateOnly today) =>
        Status == FollowUpStatus.Open && DueOn < today ? this with { Status = FollowUpStatus.Overdue } : this;
}

public sealed record AgendaItem
{
    public int Number { get; init; }
    public string Discussion { get; init; } = "";
    public string Decision { get; init; } = "";

    /// <summary>Lettered sub-items of the decision (ক) খ) … / a) b) …), without their letters.</summary>
    public IReadOnlyList<string> SubDecisions { get; init; } = [];
    public IReadOnlyList<FollowUp> FollowUps { get; init; } = [];
}

/// <summary>
/// The fields a focal point fills in for a meeting, everything its minutes hold. <see cref="RecordMeetingCommand"/> and
/// <see cref="EditMeetingCommand"/> are these fields with what identifies the meeting.
/// </summary>
public record MeetingFields : RecordFields
{
    public MeetingKind? Kind { get; init; }
    public int? Quarter { get; init; }
    public string? Title { get; init; }

    /// <summary>The branch or wing that issues the minutes, printed under the ministry in the header.</summary>
    public string? IssuingUnit { get; init; }
    public DateOnly? HeldOn { get; init; }
    public TimeOnly? StartTime { get; init; }
    public string? Venue { get; init; }
    public Person? Chair { get; init; }

    /// <summary>The opening, as typed: paragraphs are separated by an empty line, a line break is kept.</summary>
    public string? Opening { get; init; }

    /// <summary>The closing, like the opening; empty prints the standard closing sentence.</summary>
    public string? Closing { get; init; }
    public IReadOnlyList<Attendee>? Attendees { get; init; }
    public IReadOnlyList<AgendaItemInput>? Agenda { get; init; }
    public string? MemoNumber { get; init; }
    public DateOnly? IssuedOn { get; init; }
    public Person? Signatory { get; init; }
    public IReadOnlyList<string>? Distribution { get; init; }
}

/// <summary>A meeting with everything its minutes hold.</summary>
public sealed record Meeting : RecordMetadata, IIdentifiedResult
{
    public long Id { get; init; }
    public long OfficeId { get; init; }
    public MeetingKind Kind { get; init; }
    public string FiscalYear { get; init; } = "";
    public int Quarter { get; init; }
    public string? Title { get; init; }

    /// <summary>The branch or wing that issues the minutes, printed under the ministry in the header.</summary>
    public string? IssuingUnit { get; init; }
    public DateOnly HeldOn { get; init; }
    public TimeOnly StartTime { get; init; }
    public string Venue { get; init; } = "";
    public Person Chair { get; init; } = new();
    public string? Opening { get; init; }
    public string? Closing { get; init; }
    public IReadOnlyList<Attendee> Attendees { get; init; } = [];
    public IReadOnlyList<AgendaItem> Agenda { get; init; } = [];

    /// <summary>Canonical, Latin digits; documents print it in Bengali digits.</summary>
    public string? MemoNumber { get; init; }
    public DateOnly? IssuedOn { get; init; }
    public Person? Signatory { get; init; }
    public IReadOnlyList<string> Distribution { get; init; } = [];

    /// <summary>Follow-ups of the office's earlier meetings still open when this one was held.</summary>
    public IReadOnlyList<FollowUp> CarriedForward { get; init; } = [];

    // The chair and the signatory are stored as two columns each: Dapper fills them through these.
    private string ChairName { init => Chair = Chair with { Name = value }; }
    private string ChairDesignation { init => Chair = Chair with { Designation = value }; }
    private string? SignatoryName { init => Signatory = value is null ? Signatory : (Signatory ?? new()) with { Name = value }; }
    private string? SignatoryDesignation { init => Signatory = value is null ? Signatory : (Signatory ?? new()) with { Designation = value }; }
}
