using CharterTracker.Access;
using CharterTracker.Activities;
using CharterTracker.Evidence;
using CharterTracker.Meetings;
using CharterTracker.Offices;
using CharterTracker.Scoring;

namespace CharterTracker.Web;

/// <summary>A checklist item with the form that records it (none for an item other offices' records fulfil).</summary>
public sealed record WorkspaceItem(ChecklistItem Item, string? RecordUrl);

public sealed record WorkspaceModel(Office Office, Checklist Checklist, IReadOnlyList<WorkspaceItem> Items, IReadOnlyList<PeriodLink> Quarters, string DashboardUrl)
{
    /// <summary>The user's other offices to switch to (empty for a user with one).</summary>
    public IReadOnlyList<OfficeLink> MyOffices { get; init; } = [];
    public IReadOnlyList<WorkspaceRecord> Records { get; init; } = [];
    public IReadOnlyList<WorkspaceFollowUp> FollowUps { get; init; } = [];
}

public sealed record OfficeLink(string Name, string Url, bool Current);

/// <summary>One of the user's offices on the picker, with this quarter's progress.</summary>
public sealed record MyOfficeCard(MyOffice Office, int Done, int Expected, string Url);

public sealed record MyOfficesModel(string FiscalYear, int Quarter, IReadOnlyList<MyOfficeCard> Offices, IReadOnlyList<PeriodLink> Quarters);

/// <summary>A record of the period on the workspace, with what the user can do with it.</summary>
public sealed record WorkspaceRecord(RecordKind Kind, long Id, string What, DateOnly Date, DateOnly RecordedOn, bool HasEvidence,
    IReadOnlyList<RecordEvidenceFile> Files, bool Withdrawn, string? WithdrawnReason, string HistoryUrl)
{
    /// <summary>Null when the record cannot be changed (withdrawn) or the user only reads.</summary>
    public string? EditUrl { get; init; }
    public string? WithdrawUrl { get; init; }
    public IReadOnlyList<DocumentLink> Documents { get; init; } = [];
}

public sealed record DocumentLink(string Label, string Url, string Language);

/// <summary>An open follow-up; <see cref="CompleteUrl"/> is set when this office owns it.</summary>
public sealed record WorkspaceFollowUp(FollowUp FollowUp, string OwnerName, string? CompleteUrl);

/// <summary>The charter-update form of an office and quarter (new, or an edit of a record).</summary>
public sealed record CharterUpdateFormModel(Office Office, string FiscalYear, int Quarter, WebForm Form, string Action, string BackUrl)
{
    public string? HistoryUrl { get; init; }
}

/// <summary>How many rows of each list the meeting form shows: attendees, and the follow-ups of each agenda item.</summary>
public sealed record MeetingRows(int Attendees, IReadOnlyList<int> FollowUps)
{
    public int Agenda => FollowUps.Count;
}

public sealed record MeetingFormModel(Office Office, string FiscalYear, int Quarter, WebForm Form, string Action, string BackUrl, MeetingRows Rows,
    IReadOnlyList<(string Value, string Label)> OwnerOffices)
{
    public string? HistoryUrl { get; init; }

    /// <summary>Follow-ups already reported done, by agenda item (1-based): shown, not edited.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<FollowUp>> DoneFollowUps { get; init; } = new Dictionary<int, IReadOnlyList<FollowUp>>();
}

public sealed record TrainingFormModel(Office Office, string FiscalYear, WebForm Form, string Action, string BackUrl, IReadOnlyList<(long Id, string Name)> Subordinates)
{
    public string? HistoryUrl { get; init; }
}

public sealed record ReportFormModel(Office Office, string FiscalYear, WebForm Form, string Action, string BackUrl)
{
    public string? HistoryUrl { get; init; }
}

public sealed record RecordHistoryModel(Office Office, string What, IReadOnlyList<HistoryVersion> Versions, string BackUrl);

/// <summary>A version of a record: who made it (and when, in <see cref="Description"/>), a note such as the reason it was withdrawn, and what each field held then.</summary>
public sealed record HistoryVersion(int Version, bool Current, string Who, string Description, string? Note, IReadOnlyList<HistoryField> Fields);

public sealed record HistoryField(string Name, string Label, string Value, bool Changed);

public sealed record WithdrawFormModel(Office Office, string What, WebForm Form, string Action, string BackUrl);

public sealed record CompleteFollowUpModel(FollowUp FollowUp, string OwnerName, WebForm Form, string Action, string BackUrl);
