using CharterTracker.Offices;
using CharterTracker.Scoring;

namespace CharterTracker.Web;

/// <summary>A checklist item with the form that records it (none for an item other offices' records fulfil).</summary>
public sealed record WorkspaceItem(ChecklistItem Item, string? RecordUrl);

public sealed record WorkspaceModel(Office Office, Checklist Checklist, IReadOnlyList<WorkspaceItem> Items, IReadOnlyList<PeriodLink> Quarters, string DashboardUrl);

/// <summary>The charter-update form of an office and quarter.</summary>
public sealed record CharterUpdateFormModel(Office Office, string FiscalYear, int Quarter, WebForm Form, string Action, string BackUrl);
